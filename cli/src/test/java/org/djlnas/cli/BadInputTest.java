package org.djlnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input suite: every case of {@code bad-inputs.tsv} runs {@code nas} in process on files of
 * a fresh {@link BadInputFixture} and must fail before any training with the expected status and
 * one line on stderr that names what is wrong, without Java internals, leaving the folder as it
 * was.
 */
class BadInputTest {

    /** Signs of internals that a message for people must not show. */
    private static final Pattern INTERNALS =
            Pattern.compile(
                    "Exception|java\\.|javax\\.|\\bat [a-z]+\\.|\\b(org|com|ai|picocli)\\.[a-z]+\\."
                            + "|\\[Source:|StreamReadFeature|\\bnull\\b|Error:");

    private static final Pattern TOKEN = Pattern.compile("'([^']*)'|(\\S+)");

    @TempDir Path dir;

    /**
     * One line of the table.
     *
     * @param line the line number, for the report
     * @param args the arguments, with placeholders
     * @param exitCode the expected status
     * @param mustContain substrings the message must contain
     * @param mustNotContain substrings it must not contain
     */
    record Case(
            int line,
            List<String> args,
            int exitCode,
            List<String> mustContain,
            List<String> mustNotContain) {

        @Override
        public String toString() {
            return "line " + line + ": nas " + String.join(" ", args);
        }
    }

    static Stream<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = BadInputTest.class.getResourceAsStream("bad-inputs.tsv");
                BufferedReader reader =
                        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                cases.add(
                        new Case(
                                number,
                                tokens(columns[0]),
                                Integer.parseInt(columns[1].strip()),
                                list(columns, 2),
                                list(columns, 3)));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void failsWithOneLineNamingTheProblemAndLeavesNothing(Case testCase) throws IOException {
        BadInputFixture fixture = new BadInputFixture(dir);
        List<String> args = new ArrayList<>();
        for (String arg : testCase.args()) {
            args.add(fixture.expand(arg));
        }
        Map<Path, Long> before = snapshot(dir);
        Map<Path, Long> workingFolderBefore = snapshot(Path.of("experiments"));

        CliRun run = CliRun.of(args.toArray(String[]::new));

        String err = run.err();
        assertThat(run.exitCode()).as("status; stderr: %s", err).isEqualTo(testCase.exitCode());
        assertThat(err.lines().toList()).as("stderr is one line").hasSize(1);
        String message = err.strip();
        assertThat(message).startsWith("nas: ");
        for (String expected : testCase.mustContain()) {
            assertThat(message).contains(expected.replace("{dir}", dir.toString()));
        }
        for (String unexpected : testCase.mustNotContain()) {
            assertThat(message).doesNotContain(unexpected);
        }
        assertThat(INTERNALS.matcher(message).find()).as("'%s' shows internals", message).isFalse();
        assertThat(run.out()).as("stdout").isEmpty();
        assertThat(snapshot(dir)).as("files after the run").isEqualTo(before);
        assertThat(snapshot(Path.of("experiments"))).isEqualTo(workingFolderBefore);
    }

    /** Every file and folder below a folder, with the size of files (-1 for folders). */
    private static Map<Path, Long> snapshot(Path folder) throws IOException {
        Map<Path, Long> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.toList()) {
                files.put(path, Files.isDirectory(path) ? -1 : Files.size(path));
            }
        }
        return files;
    }

    private static List<String> tokens(String column) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(column.strip());
        while (matcher.find()) {
            tokens.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
        }
        return tokens;
    }

    private static List<String> list(String[] columns, int index) {
        if (columns.length <= index || columns[index].isBlank()) {
            return List.of();
        }
        return Arrays.stream(columns[index].split("\\|")).map(String::strip).toList();
    }
}
