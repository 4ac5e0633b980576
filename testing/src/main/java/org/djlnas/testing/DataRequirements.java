package org.djlnas.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Data sets a test needs on disk. On a continuous-integration machine ({@code CI=true}, as GitHub
 * Actions and most others set) a missing data set fails the test, so a CI run never passes by
 * skipping; elsewhere the test is skipped with a message that says what to install where.
 */
public final class DataRequirements {

    /** The environment variable continuous-integration services set to {@code true}. */
    public static final String CI = "CI";

    private DataRequirements() {}

    /**
     * Requires the Fashion-MNIST files in a folder.
     *
     * @param directory where the four IDX files should be, usually the runtime's default folder
     */
    public static void requireFashionMnist(Path directory) {
        require("Fashion-MNIST", directory, System.getenv(CI));
    }

    /**
     * Requires a data set's folder or file: skipped without it, failed without it on CI.
     *
     * @param dataSet the data set's name and where it comes from, for the message
     * @param location the folder or file it must be in
     */
    public static void require(String dataSet, Path location) {
        require(dataSet, location, System.getenv(CI));
    }

    /**
     * Requires a data set's folder or file.
     *
     * @param dataSet the data set's name, for the message
     * @param directory the folder or file it must be in
     * @param ci the value of {@code CI} in the environment, or {@code null}
     */
    static void require(String dataSet, Path directory, String ci) {
        if (Files.exists(directory)) {
            return;
        }
        String message = dataSet + " is not installed in " + directory;
        if ("true".equalsIgnoreCase(ci)) {
            Assertions.fail(message + " (CI=true: missing data fails the build)");
        }
        Assumptions.abort(message + "; skipped (install it there to run this test)");
    }
}
