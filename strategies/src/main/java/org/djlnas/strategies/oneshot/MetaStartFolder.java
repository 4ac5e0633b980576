package org.djlnas.strategies.oneshot;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A meta-trained supernet on disk: {@code manifest.json} ({@link MetaStartManifest}), {@code
 * parameters.ndlist} (the shared parameters, in the manifest's order) and {@code alphas.ndlist} (α,
 * in the manifest's order). DJL's NDList encoding is the same on every engine. The folder is
 * written beside its target and moved into place in one step.
 */
final class MetaStartFolder {

    static final String PARAMETERS = "parameters.ndlist";
    static final String ALPHAS = "alphas.ndlist";
    private static final Logger LOG = LoggerFactory.getLogger(MetaStartFolder.class);
    private static final NDIndex ALL = new NDIndex("...");

    private MetaStartFolder() {}

    /**
     * Writes a meta-trained supernet; the target must not exist yet.
     *
     * @param folder the target folder
     * @param manifest the manifest, with the arrays' names
     * @param parameters the shared parameters, in the manifest's order
     * @param alphas α, in the manifest's order
     * @throws IOException if it cannot be written
     */
    static void write(Path folder, MetaStartManifest manifest, NDList parameters, NDList alphas)
            throws IOException {
        Path partial = folder.resolveSibling(folder.getFileName() + ".partial");
        deleteTree(partial);
        Files.createDirectories(partial);
        try {
            encode(partial.resolve(PARAMETERS), parameters);
            encode(partial.resolve(ALPHAS), alphas);
            Files.writeString(partial.resolve(MetaStartManifest.FILE), manifest.toJson());
            Files.move(partial, folder, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            deleteTree(partial);
            throw e;
        }
    }

    /**
     * Loads a meta-trained supernet's shared parameters and α into a supernet. A saved parameter
     * whose shape differs from the supernet's (the stem of a task with other input channels) is
     * task-specific here and keeps its initialisation; the head is never saved.
     *
     * @param folder the folder
     * @param supernet the supernet to overwrite
     * @param manager the manager of the decoded arrays
     * @return how many parameters were loaded
     * @throws IOException if the arrays cannot be read
     * @throws IllegalArgumentException if the folder was meta-trained on other cells
     */
    static int load(Path folder, Supernet supernet, NDManager manager) throws IOException {
        MetaStartManifest manifest = MetaStartManifest.read(folder);
        NDList parameters =
                decode(manager, folder.resolve(PARAMETERS), manifest.parameters().size());
        NDList alphas = decode(manager, folder.resolve(ALPHAS), manifest.alphas().size());
        List<String> labels = supernet.alphas().labels();
        if (!labels.equals(manifest.alphas())) {
            throw new IllegalArgumentException(
                    folder
                            + " was meta-trained on cells with edges "
                            + manifest.alphas()
                            + "; this supernet's edges are "
                            + labels);
        }
        Checkpoints.copyInto(alphas, supernet.alphas().arrays(), "alpha vectors");
        Map<String, NDArray> live = supernet.namedParameters();
        int loaded = 0;
        for (int i = 0; i < parameters.size(); i++) {
            String name = manifest.parameters().get(i);
            NDArray target = live.get(name);
            if (target == null) {
                throw new IllegalArgumentException(
                        folder
                                + " holds parameter '"
                                + name
                                + "', which this supernet does not have; it was meta-trained on"
                                + " another network");
            }
            if (target.getShape().equals(parameters.get(i).getShape())) {
                target.set(ALL, parameters.get(i));
                loaded++;
            } else {
                LOG.info(
                        "meta start: '{}' has shape {} here and {} in {}; left task-specific",
                        name,
                        target.getShape(),
                        parameters.get(i).getShape(),
                        folder);
            }
        }
        LOG.info(
                "meta start: loaded α and {} of {} shared parameters from {}",
                loaded,
                parameters.size(),
                folder);
        parameters.close();
        alphas.close();
        return loaded;
    }

    private static NDList decode(NDManager manager, Path file, int expected) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(
                    file + " is missing; expected a folder written by meta-training");
        }
        NDList arrays;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            arrays = NDList.decode(manager, in);
        } catch (RuntimeException e) {
            throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (arrays.size() != expected) {
            arrays.close();
            throw new IllegalArgumentException(
                    file + " holds " + arrays.size() + " arrays; its manifest names " + expected);
        }
        return arrays;
    }

    private static void encode(Path file, NDList arrays) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            arrays.encode(out);
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
}
