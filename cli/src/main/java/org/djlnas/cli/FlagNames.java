package org.djlnas.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one table from the library's configuration fields to the command-line flags that set them.
 * The library names fields in its messages in backticks ({@code `trials` is 0}); the command line
 * shows the flag instead ({@code --trials is 0}).
 */
final class FlagNames {

    /** Field → the flags that set it, the one messages name first. */
    private static final Map<String, List<String>> FLAGS = table();

    /** A field named in a library message. */
    private static final Pattern FIELD = Pattern.compile("`([A-Za-z][A-Za-z0-9]*)`");

    private FlagNames() {}

    private static Map<String, List<String>> table() {
        Map<String, List<String>> flags = new LinkedHashMap<>();
        // ExperimentConfig, in the order of its components
        flags.put("space", List.of("--space"));
        flags.put("spaceSettings", List.of("--space-opt", "--space-settings", "--classes"));
        flags.put("strategy", List.of("--strategy"));
        flags.put("strategySettings", List.of("--strategy-opt", "--strategy-settings"));
        flags.put("benchmark", List.of("--benchmark"));
        flags.put("dataset", List.of("--dataset"));
        flags.put("engine", List.of("--engine"));
        flags.put("seed", List.of("--seed"));
        flags.put("trials", List.of("--trials"));
        flags.put("parallel", List.of("--parallel"));
        flags.put("epochs", List.of("--epochs"));
        flags.put("maxTrainExamples", List.of("--max-train-examples"));
        flags.put("evaluator", List.of("--evaluator"));
        flags.put("evaluatorSettings", List.of("--evaluator-opt"));
        flags.put("pruner", List.of("--pruner"));
        flags.put("dataOptions", List.of("--data-opt"));
        flags.put("baseline", List.of("--baseline"));
        flags.put("executor", List.of("--executor"));
        flags.put("maxRetries", List.of("--max-retries"));
        flags.put("workerJvmOptions", List.of("--worker-jvm-opt"));
        flags.put("sparkMaster", List.of("--spark-master"));
        flags.put("objectives", List.of("--objective"));
        flags.put("constraints", List.of("--constraint"));
        flags.put("prefilter", List.of("--prefilter"));
        flags.put("prefilterCandidates", List.of("--prefilter-candidates"));
        flags.put("warmStart", List.of("--warm-start"));
        // what retraining, export and search sessions are given
        flags.put("experiment", List.of("--experiment"));
        flags.put("architecture", List.of("--arch"));
        flags.put("weights", List.of("--params"));
        flags.put("replace", List.of("--replace"));
        flags.put("resume", List.of("--resume"));
        // what distillation is given (Distillation)
        flags.put("teacher", List.of("--teacher"));
        flags.put("teacherTemperature", List.of("--teacher-temperature"));
        flags.put("teacherWeight", List.of("--teacher-weight"));
        // MetaTrainingConfig (nas meta-train)
        flags.put("datasets", List.of("--dataset"));
        flags.put("metaIterations", List.of("--meta-iterations"));
        flags.put("innerSteps", List.of("--inner-steps"));
        flags.put("metaStepSize", List.of("--meta-step-size"));
        flags.put("innerSettings", List.of("--inner-opt"));
        flags.put("out", List.of("--out"));
        // what picks a trial of an experiment's front
        flags.put("pick", List.of("--pick"));
        flags.put("trial", List.of("--trial"));
        // KernelCheckConfig (nas check-kernels)
        flags.put("tolerance", List.of("--tolerance"));
        return Map.copyOf(flags);
    }

    /**
     * Returns the flags that set a field.
     *
     * @param field the field's name
     * @return the flags
     * @throws IllegalStateException if no flag sets the field
     */
    static List<String> of(String field) {
        List<String> flags = FLAGS.get(field);
        if (flags == null) {
            throw new IllegalStateException("no command-line flag sets the field '" + field + "'");
        }
        return flags;
    }

    /**
     * Rewrites a library message for the command line: each field named in backticks becomes the
     * flag that sets it (a field no flag sets is quoted instead).
     *
     * @param message the message
     * @return the message in flags
     */
    static String inFlags(String message) {
        Matcher field = FIELD.matcher(message);
        StringBuilder out = new StringBuilder();
        while (field.find()) {
            List<String> flags = FLAGS.get(field.group(1));
            String name = flags == null ? "'" + field.group(1) + "'" : flags.get(0);
            field.appendReplacement(out, Matcher.quoteReplacement(name));
        }
        field.appendTail(out);
        return out.toString();
    }
}
