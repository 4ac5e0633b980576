/**
 * The {@code image-folder} data source: one sub-folder per class, listed and decoded by DJL's
 * basicdataset image folder and image factory, held in memory as bytes, normalised per channel with
 * statistics of the training set.
 */
@NullMarked
package org.djlnas.runtime.data.image;

import org.jspecify.annotations.NullMarked;
