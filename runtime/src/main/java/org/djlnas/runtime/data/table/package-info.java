/**
 * The {@code csv} data source: a table read with Apache Commons CSV, its columns encoded by {@link
 * org.djlnas.api.data.encoding.RowEncoding} (numbers standardised, categories one-hot, both learnt
 * on the training rows), for classification or regression of one target column.
 */
@NullMarked
package org.djlnas.runtime.data.table;

import org.jspecify.annotations.NullMarked;
