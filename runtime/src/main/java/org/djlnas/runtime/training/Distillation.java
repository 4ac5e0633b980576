package org.djlnas.runtime.training;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * Knowledge distillation (Hinton, Vinyals and Dean, 2015): the network learns from a teacher
 * network's softened class probabilities as well as from the labels, with the loss
 *
 * <pre>(1 − w) · CE(student, labels) + w · T² · KL(softmax(teacher / T) ‖ softmax(student / T))
 * </pre>
 *
 * <p>The defaults, temperature 4 and weight 0.9, are the usual choice of the paper's followers: the
 * paper softens with temperatures from 2 to 20 and finds the best results with "a considerably
 * lower weight" on the labels' term; T² keeps the soft term's gradients at the hard term's scale.
 *
 * @param teacher the teacher: a folder {@code nas retrain} wrote (or an experiment folder holding
 *     one in {@code retrain/}), or a published model's version folder in a zoo, or its model folder
 *     (the newest version)
 * @param teacherTemperature T, which softens both networks' probabilities; above 0
 * @param teacherWeight w, the weight of the teacher's term, in [0, 1]; 0 is plain cross-entropy
 */
public record Distillation(Path teacher, float teacherTemperature, float teacherWeight) {

    /** The default temperature. */
    public static final float DEFAULT_TEMPERATURE = 4f;

    /** The default weight of the teacher's term. */
    public static final float DEFAULT_WEIGHT = 0.9f;

    /** Validates the fields. */
    public Distillation {
        requireNonNull(teacher, "teacher is null");
        if (!(teacherTemperature > 0) || !Float.isFinite(teacherTemperature)) {
            throw new IllegalArgumentException(
                    "`teacherTemperature` is "
                            + teacherTemperature
                            + "; expected a finite number > 0");
        }
        if (!(teacherWeight >= 0 && teacherWeight <= 1)) {
            throw new IllegalArgumentException(
                    "`teacherWeight` is " + teacherWeight + "; expected a number in [0, 1]");
        }
    }

    /**
     * Returns distillation from a teacher with the default temperature and weight.
     *
     * @param teacher the teacher
     * @return the settings
     */
    public static Distillation of(Path teacher) {
        return new Distillation(teacher, DEFAULT_TEMPERATURE, DEFAULT_WEIGHT);
    }
}
