/**
 * How raw examples become the float inputs a network was trained on, in plain Java (no engine), so
 * that a data source and a published model's translator apply the same recorded preprocessing.
 */
@NullMarked
package org.djlnas.api.data.encoding;

import org.jspecify.annotations.NullMarked;
