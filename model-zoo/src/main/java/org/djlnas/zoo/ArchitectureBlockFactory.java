package org.djlnas.zoo;

import ai.djl.Model;
import ai.djl.nn.Block;
import ai.djl.nn.BlockFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.arch.InvalidArchitectureException;

/**
 * Rebuilds the network of a published model for DJL's model loader, which names this class in the
 * model's {@code blockFactory} argument: it checks the model folder against its {@value
 * ZooLayout#CHECKSUMS_FILE}, reads {@value ZooLayout#ARCHITECTURE_FILE}, creates the space the
 * arguments name with their settings, and compiles the architecture into a fresh block. The loader
 * then reads the weights into it.
 */
public final class ArchitectureBlockFactory implements BlockFactory {

    private static final long serialVersionUID = 1L;

    /** Creates the factory; DJL's loader calls this. */
    public ArchitectureBlockFactory() {}

    /**
     * Builds the uninitialised network of a published model.
     *
     * @param model the model the block is for
     * @param modelPath the model's folder
     * @param arguments the model's arguments (space, settings, input shape)
     * @return the block
     * @throws java.io.FileNotFoundException naming a file of the model that is missing
     * @throws CorruptModelFileException naming a file that is corrupt, truncated or changed
     * @throws IOException if a file cannot be read
     * @throws IllegalStateException if no space on the class path has the model's space id
     */
    @Override
    public Block newBlock(Model model, Path modelPath, Map<String, ?> arguments)
            throws IOException {
        ChecksumManifest.verify(modelPath);
        ModelArguments parsed = ModelArguments.parse(arguments);
        Path file = modelPath.resolve(ZooLayout.ARCHITECTURE_FILE);
        Architecture architecture;
        try {
            architecture = Architecture.fromJson(Files.readString(file, StandardCharsets.UTF_8));
        } catch (InvalidArchitectureException e) {
            throw new CorruptModelFileException(
                    file, "does not hold an architecture: " + e.getMessage());
        }
        return SpaceLookup.create(parsed.space(), parsed.spaceSettings()).compile(architecture);
    }
}
