package org.djlnas.runtime.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.djlnas.runtime.search.Plugins;

/**
 * Writes the report of a search as one self-contained HTML file: ECharts, the data and the script
 * that turns one into the other are inlined, so the file opens offline in any browser. The file is
 * replaced atomically, so a browser refreshing it while a search rewrites it never sees half a
 * report.
 */
public final class HtmlReport {

    /** The report's file name in an experiment folder, kept up to date by a running search. */
    public static final String FILE_NAME = "report.html";

    private static final String ECHARTS =
            "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
    private static final ObjectMapper JSON = new ObjectMapper();

    private HtmlReport() {}

    /**
     * Reads an experiment folder's journal and writes its report, rebuilding the space with the
     * given plug-ins.
     *
     * @param experiment the experiment folder
     * @param out the HTML file to write
     * @param plugins the plug-ins
     * @throws IllegalArgumentException if the folder holds no readable journal or the file cannot
     *     be written (the message names the path)
     */
    public static void write(Path experiment, Path out, Plugins plugins) {
        write(new ReportReader(plugins).read(experiment), out);
    }

    /**
     * Writes a report of the given data.
     *
     * @param data the report's data
     * @param out the HTML file to write
     * @throws IllegalArgumentException if the file cannot be written (the message names it)
     */
    public static void write(ReportData data, Path out) {
        AtomicFile.write(out, render(data).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Renders a report as HTML text.
     *
     * @param data the report's data
     * @return the HTML document
     */
    public static String render(ReportData data) {
        String title =
                "Search report: " + data.summary().space() + " with " + data.summary().strategy();
        return fill(
                resource("org/djlnas/runtime/report/report.html"),
                Map.of(
                        "TITLE", escape(title),
                        "DATA", json(data),
                        "ECHARTS", Resources.ECHARTS_JS,
                        "SCRIPT", resource("org/djlnas/runtime/report/report.js")));
    }

    /** The data as JSON that cannot end the script element holding it. */
    private static String json(ReportData data) {
        try {
            return JSON.writeValueAsString(data).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report's data as JSON", e);
        }
    }

    /** Replaces each {@code {{NAME}}} of the template, once, without looking into the values. */
    private static String fill(String template, Map<String, String> values) {
        StringBuilder out = new StringBuilder(template.length() + 1_200_000);
        int at = 0;
        while (true) {
            int open = template.indexOf("{{", at);
            if (open < 0) {
                return out.append(template, at, template.length()).toString();
            }
            int close = template.indexOf("}}", open);
            String name = template.substring(open + 2, close);
            String value = values.get(name);
            if (value == null) {
                throw new IllegalStateException("the report template has no value for " + name);
            }
            out.append(template, at, open).append(value);
            at = close + 2;
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String resource(String name) {
        try (InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the class path lacks " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    /** Loaded once, on first use: ECharts is a megabyte. */
    private static final class Resources {
        static final String ECHARTS_JS = resource(ECHARTS);
    }
}
