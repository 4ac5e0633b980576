package org.djlnas.runtime.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Debian's headless Chromium, run once per page: the rendered DOM or a screenshot. */
final class HeadlessChromium {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path binary;
    private final Path profile;

    private HeadlessChromium(Path binary, Path profile) {
        this.binary = binary;
        this.profile = profile;
    }

    /** Finds {@code chromium} ({@code $CHROMIUM}, else /usr/bin/chromium), if installed. */
    static Optional<HeadlessChromium> find(Path profile) {
        String named = System.getenv("CHROMIUM");
        Path binary = Path.of(named == null || named.isBlank() ? "/usr/bin/chromium" : named);
        return Files.isExecutable(binary)
                ? Optional.of(new HeadlessChromium(binary, profile))
                : Optional.empty();
    }

    /** Loads a page, lets its scripts run, and returns what it wrote into #render-status. */
    JsonNode renderStatus(Path page) throws IOException, InterruptedException {
        String dom =
                run(List.of("--virtual-time-budget=10000", "--dump-dom", page.toUri().toString()));
        String open = "<pre id=\"render-status\" hidden=\"\">";
        int start = dom.indexOf(open);
        if (start < 0) {
            throw new AssertionError("the page wrote no render status; DOM tail: " + tail(dom));
        }
        int end = dom.indexOf("</pre>", start);
        String text =
                dom.substring(start + open.length(), end)
                        .replace("&lt;", "<")
                        .replace("&gt;", ">")
                        .replace("&quot;", "\"")
                        .replace("&amp;", "&");
        if (text.isBlank()) {
            throw new AssertionError("the page's script did not finish; DOM tail: " + tail(dom));
        }
        return JSON.readTree(text);
    }

    /** Loads a page and saves a screenshot of its top. */
    void screenshot(Path page, Path png, int width, int height)
            throws IOException, InterruptedException {
        run(
                List.of(
                        "--virtual-time-budget=10000",
                        "--hide-scrollbars",
                        "--window-size=" + width + "," + height,
                        "--screenshot=" + png.toAbsolutePath(),
                        page.toUri().toString()));
        if (!Files.isRegularFile(png)) {
            throw new AssertionError("chromium wrote no screenshot " + png);
        }
    }

    private String run(List<String> extra) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(
                List.of(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--user-data-dir=" + profile.toAbsolutePath()));
        command.addAll(extra);
        Path log = Files.createTempFile(profile.getParent(), "chromium", ".log");
        Process process =
                new ProcessBuilder(command)
                        .redirectError(log.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                        .start();
        byte[] out = process.getInputStream().readAllBytes();
        // Generous: two loaded cores may take a while to start a browser.
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish in 180 s");
        }
        if (process.exitValue() != 0) {
            throw new AssertionError(
                    "chromium exited with "
                            + process.exitValue()
                            + ": "
                            + tail(Files.readString(log)));
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    private static String tail(String text) {
        return text.length() <= 2000 ? text : text.substring(text.length() - 2000);
    }
}
