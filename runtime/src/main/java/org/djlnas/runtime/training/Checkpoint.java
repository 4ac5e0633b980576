package org.djlnas.runtime.training;

import ai.djl.Model;
import java.util.Optional;
import org.djlnas.api.trial.Budget;
import org.djlnas.api.trial.TrialSpec;

/**
 * What a trial's saved parameters say about themselves. They are kept as properties of DJL's
 * parameter file ({@code model-0000.params}) under the names below, the names checkpoints have
 * always used, so that every checkpoint written so far still loads: the objective's value is kept
 * under its metric's name ({@code accuracy}, {@code rmse}), and the name under {@code objective}
 * (absent from checkpoints written before regression, which mean accuracy).
 *
 * @param architectureId the architecture's id
 * @param architectureJson the architecture, as JSON
 * @param space the id of the space it belongs to
 * @param dataset the id of the data set it was trained on
 * @param trial the trial's number
 * @param seed the trial's seed
 * @param budget the total budget trained, counting the trials it continued
 * @param objective the name of the objective, for example {@code accuracy}
 * @param value the objective's validation value after training
 */
record Checkpoint(
        String architectureId,
        String architectureJson,
        String space,
        String dataset,
        int trial,
        long seed,
        Budget budget,
        String objective,
        double value) {

    private static final String ARCHITECTURE = "architecture";
    private static final String ARCHITECTURE_ID = "architectureId";
    private static final String SPACE = "space";
    private static final String DATASET = "dataset";
    private static final String TRIAL = "trial";
    private static final String SEED = "seed";
    private static final String EPOCHS = "epochs";
    private static final String MAX_TRAIN_EXAMPLES = "maxTrainExamples";
    private static final String OBJECTIVE = "objective";
    private static final String ACCURACY = "accuracy";

    /**
     * Describes a trained trial.
     *
     * @param trial the trial
     * @param space the space's id
     * @param dataset the data set's id
     * @param objective the name of the objective
     * @param value the objective's validation value after training
     * @return the checkpoint's description
     */
    static Checkpoint of(
            TrialSpec trial, String space, String dataset, String objective, double value) {
        return new Checkpoint(
                trial.architecture().id(),
                trial.architecture().toJson(),
                space,
                dataset,
                trial.number(),
                trial.seed(),
                trial.budget(),
                objective,
                value);
    }

    /**
     * Writes the description into the model's properties, to be saved with its parameters.
     *
     * @param model the model about to be saved
     */
    void writeTo(Model model) {
        model.setProperty(ARCHITECTURE, architectureJson);
        model.setProperty(ARCHITECTURE_ID, architectureId);
        model.setProperty(SPACE, space);
        model.setProperty(DATASET, dataset);
        model.setProperty(TRIAL, Integer.toString(trial));
        model.setProperty(SEED, Long.toString(seed));
        model.setProperty(EPOCHS, Double.toString(budget.epochs()));
        model.setProperty(MAX_TRAIN_EXAMPLES, Integer.toString(budget.maxTrainExamples()));
        model.setProperty(OBJECTIVE, objective);
        model.setProperty(objective, Double.toString(value));
    }

    /**
     * Reads the description from the properties of loaded parameters.
     *
     * @param model the model the parameters were loaded into
     * @return the description, or empty if a property is missing or malformed (parameters that no
     *     trial saved)
     */
    static Optional<Checkpoint> readFrom(Model model) {
        try {
            String objective =
                    model.getProperty(OBJECTIVE) == null ? ACCURACY : model.getProperty(OBJECTIVE);
            return Optional.of(
                    new Checkpoint(
                            required(model, ARCHITECTURE_ID),
                            required(model, ARCHITECTURE),
                            required(model, SPACE),
                            required(model, DATASET),
                            Integer.parseInt(required(model, TRIAL)),
                            Long.parseLong(required(model, SEED)),
                            new Budget(
                                    Double.parseDouble(required(model, EPOCHS)),
                                    Integer.parseInt(required(model, MAX_TRAIN_EXAMPLES))),
                            objective,
                            Double.parseDouble(required(model, objective))));
        } catch (IllegalArgumentException e) {
            // NumberFormatException, a missing property, or a budget no trial could have had.
            return Optional.empty();
        }
    }

    private static String required(Model model, String property) {
        String value = model.getProperty(property);
        if (value == null) {
            throw new IllegalArgumentException("no property " + property);
        }
        return value;
    }
}
