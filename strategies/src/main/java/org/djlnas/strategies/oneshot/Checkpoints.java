package org.djlnas.strategies.oneshot;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.djlnas.api.oneshot.EpochRecord;

/**
 * A DARTS search's checkpoints: after each epoch, a folder {@code epoch-NNNN/} with the supernet's
 * parameters ({@code network.ndlist}: weights and running statistics), α and the optimizers' state
 * ({@code state.ndlist}) and the epoch's record ({@code epoch.json}); then the file {@code latest}
 * is replaced atomically to name it, and older folders are removed. A process killed at any moment
 * leaves {@code latest} naming a complete checkpoint.
 */
final class Checkpoints {

    static final String LATEST = "latest";
    private static final String WEIGHTS = "network.ndlist";
    private static final String STATE = "state.ndlist";
    private static final String EPOCH = "epoch.json";
    private static final NDIndex ALL = new NDIndex("...");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path folder;

    Checkpoints(Path folder) {
        this.folder = folder;
    }

    /**
     * Writes the checkpoint of a finished epoch.
     *
     * @param record the epoch's record
     * @param adamSteps α's optimizer step count
     * @param supernet the supernet
     * @param state α and the optimizers' state, in the order {@link #restore} expects
     * @throws IOException if it cannot be written
     */
    void write(EpochRecord record, long adamSteps, Supernet supernet, NDList state)
            throws IOException {
        Files.createDirectories(folder);
        String name = String.format("epoch-%04d", record.epoch());
        Path target = folder.resolve(name);
        Path partial = folder.resolve(name + ".partial");
        deleteTree(partial);
        Files.createDirectories(partial);
        try (OutputStream out =
                new BufferedOutputStream(Files.newOutputStream(partial.resolve(WEIGHTS)))) {
            supernet.parameterArrays().encode(out);
        }
        try (OutputStream out =
                new BufferedOutputStream(Files.newOutputStream(partial.resolve(STATE)))) {
            state.encode(out);
        }
        ObjectNode epoch = JSON.createObjectNode();
        epoch.put("adamSteps", adamSteps);
        epoch.set("record", JSON.readTree(record.toJson()));
        Files.writeString(partial.resolve(EPOCH), JSON.writeValueAsString(epoch));
        deleteTree(target);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        Path pointer = folder.resolve(LATEST + ".tmp");
        Files.writeString(pointer, name, StandardCharsets.UTF_8);
        Files.move(
                pointer,
                folder.resolve(LATEST),
                StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "epoch-*")) {
            for (Path entry : entries) {
                if (!entry.getFileName().toString().equals(name)) {
                    deleteTree(entry);
                }
            }
        }
    }

    /**
     * Reads the latest checkpoint into a supernet and its optimizers' state, if there is one.
     *
     * @param supernet the supernet to load the weights into
     * @param manager the manager of the decoded state
     * @return the checkpoint's record, step count and state
     * @throws IOException if a checkpoint is named but cannot be read
     */
    Optional<Restored> restore(Supernet supernet, NDManager manager) throws IOException {
        Path pointer = folder.resolve(LATEST);
        if (!Files.exists(pointer)) {
            return Optional.empty();
        }
        Path checkpoint = folder.resolve(Files.readString(pointer, StandardCharsets.UTF_8).trim());
        try {
            JsonNode epoch = JSON.readTree(Files.readString(checkpoint.resolve(EPOCH)));
            EpochRecord record = EpochRecord.fromJson(epoch.required("record").toString());
            try (InputStream in =
                    new BufferedInputStream(Files.newInputStream(checkpoint.resolve(WEIGHTS)))) {
                supernet.loadParameterArrays(NDList.decode(manager, in));
            }
            NDList state;
            try (InputStream in =
                    new BufferedInputStream(Files.newInputStream(checkpoint.resolve(STATE)))) {
                state = NDList.decode(manager, in);
            }
            return Optional.of(new Restored(record, epoch.required("adamSteps").asLong(), state));
        } catch (IOException | RuntimeException e) {
            throw new IOException(
                    "cannot read the one-shot checkpoint " + checkpoint + ": " + e.getMessage(), e);
        }
    }

    /**
     * Copies saved arrays into live ones in place.
     *
     * @param saved the saved arrays
     * @param live the arrays to overwrite
     * @param what what they are, for errors
     */
    static void copyInto(NDList saved, List<NDArray> live, String what) {
        if (saved.size() != live.size()) {
            throw new IllegalArgumentException(
                    "the checkpoint holds "
                            + saved.size()
                            + " "
                            + what
                            + "; expected "
                            + live.size());
        }
        for (int i = 0; i < live.size(); i++) {
            if (!saved.get(i).getShape().equals(live.get(i).getShape())) {
                throw new IllegalArgumentException(
                        what
                                + " "
                                + i
                                + " has shape "
                                + saved.get(i).getShape()
                                + " in the checkpoint; expected "
                                + live.get(i).getShape());
            }
            live.get(i).set(ALL, saved.get(i));
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path entry : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(entry);
            }
        }
    }

    /**
     * A restored checkpoint.
     *
     * @param record the record of the checkpointed epoch
     * @param adamSteps α's optimizer step count
     * @param state α and the optimizers' state
     */
    record Restored(EpochRecord record, long adamSteps, NDList state) {}
}
