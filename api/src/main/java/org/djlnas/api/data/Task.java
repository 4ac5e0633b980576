package org.djlnas.api.data;

import java.util.List;
import org.djlnas.api.eval.Direction;
import org.djlnas.api.eval.Metrics;

/**
 * What a data set's labels are and so what a network learns from it: a class among named classes,
 * or a number.
 *
 * <p>Records of a data source carry a float scalar label: the class index for {@link
 * Classification}, the standardised target {@code (y − mean) / scale} for {@link Regression}.
 */
public sealed interface Task permits Task.Classification, Task.Regression {

    /**
     * Returns the number of values a network outputs per example: one per class, or one.
     *
     * @return the output size
     */
    int outputs();

    /**
     * Returns the metric a search optimises on the validation examples.
     *
     * @return {@value Metrics#ACCURACY} for classification, {@value Metrics#RMSE} for regression
     */
    String objective();

    /**
     * Returns whether the objective is maximised or minimised.
     *
     * @return the direction
     */
    Direction direction();

    /**
     * Classification among named classes, learnt with softmax cross-entropy and measured by
     * accuracy.
     *
     * @param classNames the classes' names, by label; at least two
     */
    record Classification(List<String> classNames) implements Task {

        /** Checks that there are at least two classes and copies the names. */
        public Classification {
            classNames = List.copyOf(classNames);
            if (classNames.size() < 2) {
                throw new IllegalArgumentException(
                        "a classification data set needs at least 2 classes; found "
                                + classNames.size()
                                + " "
                                + classNames);
            }
        }

        @Override
        public int outputs() {
            return classNames.size();
        }

        @Override
        public String objective() {
            return Metrics.ACCURACY;
        }

        @Override
        public Direction direction() {
            return Direction.MAXIMIZE;
        }
    }

    /**
     * Regression of one number, learnt with the L2 loss on the standardised target and measured by
     * the root mean squared error in the target's own units.
     *
     * @param target the target's name (a column name)
     * @param mean the mean subtracted from the target (from the training split)
     * @param scale the deviation the target is divided by (from the training split); positive
     */
    record Regression(String target, double mean, double scale) implements Task {

        /** Checks the scale. */
        public Regression {
            if (!(scale > 0) || !Double.isFinite(scale) || !Double.isFinite(mean)) {
                throw new IllegalArgumentException(
                        "the target '"
                                + target
                                + "' has mean "
                                + mean
                                + " and scale "
                                + scale
                                + "; expected a finite mean and a positive scale (a target"
                                + " with a single value cannot be learnt)");
            }
        }

        @Override
        public int outputs() {
            return 1;
        }

        @Override
        public String objective() {
            return Metrics.RMSE;
        }

        @Override
        public Direction direction() {
            return Direction.MINIMIZE;
        }

        /**
         * Turns a network's standardised output back into the target's units.
         *
         * @param standardised the output
         * @return the value in the target's units
         */
        public double restore(double standardised) {
            return standardised * scale + mean;
        }
    }
}
