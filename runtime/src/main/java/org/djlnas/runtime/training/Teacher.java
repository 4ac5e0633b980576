package org.djlnas.runtime.training;

import static java.util.Objects.requireNonNull;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import org.djlnas.api.data.DataSource;
import org.djlnas.api.space.SpaceCatalog;

/**
 * A trained network whose class logits a student learns from ({@link Distillation}), loaded on the
 * student's engine and run in inference mode: no gradients, batch normalisation's running
 * statistics. Its logits are computed per batch, on the very inputs the student gets, so both see
 * the same preprocessing.
 *
 * <p>Several trials may ask for logits at once; each call uses its own parameter store, and the
 * logits belong to the batch's inputs' manager, freed with the batch.
 */
public final class Teacher implements AutoCloseable {

    private final Model model;
    private final Block block;
    private final Distillation distillation;
    private final String description;

    Teacher(Model model, Distillation distillation, String description) {
        this.model = requireNonNull(model, "model is null");
        this.block = model.getBlock();
        this.distillation = requireNonNull(distillation, "distillation is null");
        this.description = requireNonNull(description, "description is null");
    }

    /**
     * Loads the teacher that distillation settings name and checks it against the student's data:
     * the task must be classification, and the teacher must take the data's examples and give one
     * logit per class of the data (and, for a published model, have the data's class names and
     * preprocessing).
     *
     * @param distillation the teacher and how to learn from it
     * @param engine the student's engine, which runs the teacher too
     * @param spaces the spaces, to build a retrained teacher's network
     * @param data the student's data
     * @param field how messages name the teacher setting, for example {@code `teacher`}
     * @return the teacher, open until closed
     * @throws IllegalArgumentException if the teacher is missing, is not a network, or does not fit
     *     the data; the message names {@code field}
     * @throws IOException if the data cannot be read
     */
    public static Teacher open(
            Distillation distillation,
            String engine,
            SpaceCatalog spaces,
            DataSource data,
            String field)
            throws IOException {
        return new TeacherLoader(distillation, engine, spaces, data, field).load();
    }

    /**
     * Returns the distillation settings.
     *
     * @return the settings
     */
    public Distillation distillation() {
        return distillation;
    }

    /**
     * Returns what the teacher is, for messages and logs.
     *
     * @return for example {@code the retrained small-cnn network in runs/teacher}
     */
    public String description() {
        return description;
    }

    /**
     * Returns a batch's labels with the teacher's logits for its inputs appended, as {@link
     * DistillationLoss} takes them.
     *
     * @param data the batch's inputs, as the student gets them
     * @param labels the batch's labels
     * @return the labels, then the teacher's logits {@code (N, classes)}
     */
    public NDList targets(NDList data, NDList labels) {
        NDArray logits = logits(data);
        NDList targets = new NDList(labels);
        targets.add(logits);
        return targets;
    }

    /**
     * Runs the teacher on inputs in inference mode.
     *
     * @param data the inputs
     * @return the logits, outside any gradient graph, attached to the inputs' manager
     */
    NDArray logits(NDList data) {
        NDArray output =
                block.forward(new ParameterStore(model.getNDManager(), false), data, false).head();
        // Cut off from any graph: a thread whose engine records by default must not send the
        // student's gradients into the teacher.
        NDArray logits = output.stopGradient();
        logits.attach(data.head().getManager());
        output.attach(data.head().getManager());
        return logits;
    }

    @Override
    public void close() {
        model.close();
    }
}
