/**
 * How raw inputs become the numbers a network reads, in plain Java, so that a data source and a
 * published model's translator encode them the same way.
 */
@NullMarked
package org.djlnas.api.data.encoding;

import org.jspecify.annotations.NullMarked;
