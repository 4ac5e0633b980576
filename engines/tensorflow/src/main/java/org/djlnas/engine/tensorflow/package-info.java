/**
 * The TensorFlow engine module: TensorFlow as a deployment target. Compiled networks, trained on
 * another engine, are exported as SavedModels ({@link
 * org.djlnas.engine.tensorflow.SavedModelExporter}) that DJL's TensorFlow engine then runs.
 */
@NullMarked
package org.djlnas.engine.tensorflow;

import org.jspecify.annotations.NullMarked;
