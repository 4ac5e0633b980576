/**
 * Text classification data sets: a CSV or TSV file of texts and labels ({@code text:FILE}) and a
 * folder with one sub-folder of documents per class ({@code text-folder:DIR}), tokenized and
 * encoded as token ids with {@link org.djlnas.api.data.encoding.TextEncoding}.
 */
@NullMarked
package org.djlnas.runtime.data.text;

import org.jspecify.annotations.NullMarked;
