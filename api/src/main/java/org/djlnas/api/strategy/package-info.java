/** The strategy SPI: ask/tell multi-trial strategies and their providers. */
@NullMarked
package org.djlnas.api.strategy;

import org.jspecify.annotations.NullMarked;
