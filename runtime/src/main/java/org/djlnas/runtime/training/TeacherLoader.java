package org.djlnas.runtime.training;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.data.DataSource;
import org.djlnas.api.data.Task;
import org.djlnas.api.engine.DeviceChoice;
import org.djlnas.api.space.SpaceCatalog;

/**
 * Finds and loads the network a {@link Distillation} names, and checks it against the student's
 * data. A teacher is either
 *
 * <ul>
 *   <li>a retrained network: a folder holding {@code retrain.json} and {@code weights/} (or an
 *       experiment folder holding such a folder as {@code retrain/}), rebuilt from its space,
 *       settings and architecture through the registry's spaces; or
 *   <li>a published model: a version folder of a zoo (holding {@code serving.properties}), or the
 *       model's folder, whose newest version is taken, loaded as any DJL program loads it, by a
 *       {@link Criteria} for tensors in and out (the model zoo's jar must be on the class path).
 * </ul>
 */
final class TeacherLoader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RETRAINED = "retrain.json";
    private static final String PUBLISHED = "serving.properties";
    private static final String DATA_DESCRIPTION = "data.json";
    private static final String SYNSET = "synset.txt";

    /** Numbers equal to 6 significant digits (recorded as floats or doubles); the rest exactly. */
    private static final Comparator<JsonNode> NEARLY_EQUAL =
            (a, b) -> {
                if (a.isNumber() && b.isNumber()) {
                    double x = a.asDouble();
                    double y = b.asDouble();
                    return Math.abs(x - y) <= 1e-6 * Math.max(1, Math.abs(x)) ? 0 : 1;
                }
                return a.equals(b) ? 0 : 1;
            };

    /** Dot-separated version numbers, compared number by number. */
    private static final Comparator<String> VERSIONS =
            (a, b) -> {
                String[] x = a.split("\\.");
                String[] y = b.split("\\.");
                for (int i = 0; i < Math.max(x.length, y.length); i++) {
                    long u = i < x.length ? Long.parseLong(x[i]) : 0;
                    long v = i < y.length ? Long.parseLong(y[i]) : 0;
                    if (u != v) {
                        return Long.compare(u, v);
                    }
                }
                return 0;
            };

    private final Distillation distillation;
    private final String engine;
    private final SpaceCatalog spaces;
    private final DataSource data;
    private final String field;
    private final Path path;

    TeacherLoader(
            Distillation distillation,
            String engine,
            SpaceCatalog spaces,
            DataSource data,
            String field) {
        this.distillation = distillation;
        this.engine = engine;
        this.spaces = spaces;
        this.data = data;
        this.field = field;
        this.path = distillation.teacher();
    }

    Teacher load() throws IOException {
        if (!(data.task() instanceof Task.Classification classification)) {
            throw bad(
                    "distils class probabilities, but data set '"
                            + data.id()
                            + "' is a regression; expected a classification data set");
        }
        if (!Files.isDirectory(path)) {
            throw bad("is not a folder; expected a retrained network or a published model");
        }
        Teacher teacher = open(classification);
        try {
            checkOutputs(teacher, classification);
        } catch (RuntimeException e) {
            teacher.close();
            throw e;
        }
        return teacher;
    }

    private Teacher open(Task.Classification classification) throws IOException {
        if (Files.isRegularFile(path.resolve(RETRAINED))) {
            return retrained(path);
        }
        Path nested = path.resolve("retrain");
        if (Files.isRegularFile(nested.resolve(RETRAINED))) {
            return retrained(nested);
        }
        if (Files.isRegularFile(path.resolve(PUBLISHED))) {
            return published(path, classification);
        }
        Optional<Path> version = newestVersion();
        if (version.isEmpty()) {
            throw bad(
                    "holds no "
                            + RETRAINED
                            + " (nor retrain/"
                            + RETRAINED
                            + ") and no "
                            + PUBLISHED
                            + "; expected a retrained network or a published model's folder");
        }
        return published(version.get(), classification);
    }

    private Teacher retrained(Path folder) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(folder.resolve(RETRAINED).toFile());
        } catch (JsonProcessingException e) {
            throw bad("has a " + RETRAINED + " that is not JSON: " + e.getOriginalMessage());
        }
        Map<String, String> settings = new LinkedHashMap<>();
        root.path("spaceSettings")
                .fields()
                .forEachRemaining(e -> settings.put(e.getKey(), e.getValue().asText()));
        String space = root.path("space").asText();
        Model model = Model.newInstance("teacher", device(), engine);
        try {
            model.setBlock(
                    spaces.space(space, settings)
                            .compile(Architecture.fromJson(root.path("architecture").toString())));
            model.load(folder.resolve("weights"), TrainingEvaluator.MODEL_PREFIX);
            if (!model.getBlock().isInitialized()) {
                throw new MalformedModelException(
                        "no readable "
                                + TrainingEvaluator.MODEL_PREFIX
                                + "-NNNN.params in weights/");
            }
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw bad("is a retrained network whose weights do not load: " + e.getMessage());
        }
        return new Teacher(model, distillation, "the retrained " + space + " network in " + folder);
    }

    private Teacher published(Path version, Task.Classification classification) throws IOException {
        checkPublishedData(version, classification);
        Criteria<NDList, NDList> criteria =
                Criteria.builder()
                        .setTypes(NDList.class, NDList.class)
                        .optModelPath(version)
                        .optEngine(engine)
                        .optDevice(device())
                        .build();
        try {
            return new Teacher(
                    criteria.loadModel(), distillation, "the published model in " + version);
        } catch (ModelNotFoundException
                | MalformedModelException
                | IOException
                | RuntimeException e) {
            throw bad("is a published model that does not load: " + e.getMessage());
        }
    }

    /**
     * The published model's class names ({@code synset.txt}) and preprocessing (an image model's
     * pixel mean and deviation in {@code serving.properties}; another model's {@code data.json})
     * must be the student data's.
     */
    private void checkPublishedData(Path version, Task.Classification classification)
            throws IOException {
        Path synset = version.resolve(SYNSET);
        if (Files.isRegularFile(synset)) {
            List<String> classes =
                    Files.readAllLines(synset, StandardCharsets.UTF_8).stream()
                            .filter(line -> !line.isBlank())
                            .toList();
            if (!classes.equals(classification.classNames())) {
                throw bad(
                        "predicts the classes "
                                + classes
                                + "; expected the data set's "
                                + classification.classNames());
            }
        }
        JsonNode expected = JSON.valueToTree(data.preprocessing());
        JsonNode recorded = recordedPreprocessing(version);
        if (!recorded.isMissingNode() && !recorded.equals(NEARLY_EQUAL, expected)) {
            throw bad(
                    "was trained on inputs preprocessed with "
                            + recorded
                            + "; expected the data set's "
                            + expected);
        }
    }

    private static JsonNode recordedPreprocessing(Path version) throws IOException {
        Properties serving = new Properties();
        try (Reader reader =
                Files.newBufferedReader(version.resolve(PUBLISHED), StandardCharsets.UTF_8)) {
            serving.load(reader);
        }
        String mean = serving.getProperty("mean");
        String std = serving.getProperty("std");
        if (mean != null && std != null) {
            ObjectNode pixels = JSON.createObjectNode();
            ArrayNode means = pixels.putArray("mean");
            Arrays.stream(mean.split(",")).forEach(v -> means.add(Double.parseDouble(v)));
            ArrayNode stds = pixels.putArray("std");
            Arrays.stream(std.split(",")).forEach(v -> stds.add(Double.parseDouble(v)));
            return pixels;
        }
        Path description = version.resolve(DATA_DESCRIPTION);
        if (!Files.isRegularFile(description)) {
            return JSON.missingNode();
        }
        return JSON.readTree(description.toFile()).path("preprocessing");
    }

    /** The version folder with the highest dot-separated number that holds a published model. */
    private Optional<Path> newestVersion() throws IOException {
        try (Stream<Path> children = Files.list(path)) {
            return children.filter(c -> Files.isRegularFile(c.resolve(PUBLISHED)))
                    .filter(c -> c.getFileName().toString().matches("\\d+(\\.\\d+)*"))
                    .max(Comparator.comparing(c -> c.getFileName().toString(), VERSIONS));
        }
    }

    /** Runs the teacher on one example of the data's input shape: one logit per class. */
    private void checkOutputs(Teacher teacher, Task.Classification classification)
            throws IOException {
        Shape input = new Shape(1).addAll(data.inputShape());
        Shape output;
        try (NDManager manager = NDManager.newBaseManager(device(), engine)) {
            try {
                output = teacher.logits(new NDList(manager.zeros(input))).getShape();
            } catch (RuntimeException e) {
                throw bad(
                        "does not take the data set's examples of shape "
                                + data.inputShape()
                                + ": "
                                + e.getMessage());
            }
        }
        int classes = classification.outputs();
        if (output.dimension() != 2 || output.get(1) != classes) {
            throw bad(
                    "gives outputs of shape "
                            + output
                            + " for one example; expected (1, "
                            + classes
                            + "), one logit per class of data set '"
                            + data.id()
                            + "'");
        }
    }

    private Device device() {
        return DeviceChoice.forEngine(engine);
    }

    private IllegalArgumentException bad(String problem) {
        return new IllegalArgumentException(field + " " + path + " " + problem);
    }
}
