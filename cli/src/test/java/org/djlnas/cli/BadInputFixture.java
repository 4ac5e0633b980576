package org.djlnas.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.djlnas.api.arch.Architecture;
import org.djlnas.zoo.ArchivePacker;
import org.djlnas.zoo.ModelPublication;
import org.djlnas.zoo.Provenance;
import org.djlnas.zoo.RetrainedPublication;
import org.djlnas.zoo.ZooPublisher;

/**
 * The files the bad-input suite points commands at, made in a fresh folder for every case: good
 * ones (an architecture, a benchmark table, a zoo with one model, its archive, a finished tabular
 * experiment) next to bad ones. A case names them as {@code {NAME}}; {@code {dir}} is the folder.
 */
final class BadInputFixture {

    /** A valid NAS-Bench-201 architecture at default settings. */
    static final String ARCHITECTURE =
            "{\"cell/node1/from0\":\"nor_conv_3x3\",\"cell/node2/from0\":\"skip_connect\","
                + "\"cell/node2/from1\":\"nor_conv_1x1\",\"cell/node3/from0\":\"none\","
                + "\"cell/node3/from1\":\"avg_pool_3x3\",\"cell/node3/from2\":\"nor_conv_3x3\"}";

    private static final String TABLE =
            String.join(
                    "\n",
                    "arch,cifar10_test_acc",
                    "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|,10.0000",
                    "|none~0|+|none~0|none~1|+|none~0|none~1|skip_connect~2|,10.0000",
                    "|none~0|+|none~0|none~1|+|none~0|none~1|nor_conv_1x1~2|,10.0000",
                    "|none~0|+|none~0|none~1|+|none~0|none~1|nor_conv_3x3~2|,10.0000",
                    "|none~0|+|none~0|none~1|+|none~0|none~1|avg_pool_3x3~2|,10.0000",
                    "");

    /** A small table for the csv data source: columns a, b and the target y. */
    private static final String ROWS = "a,b,y\n1,x,p\n2,y,q\n3,x,p\n4,y,q\n5,x,p\n6,y,q\n";

    private final Path dir;

    BadInputFixture(Path dir) {
        this.dir = dir;
    }

    /** Replaces the placeholders of one argument, making the files it names. */
    String expand(String argument) throws IOException {
        String result = argument;
        int start;
        while ((start = result.indexOf('{')) >= 0 && result.indexOf('}', start) > start) {
            int end = result.indexOf('}', start);
            String name = result.substring(start + 1, end);
            if (!name.matches("[a-z][a-z0-9.-]*")) {
                break; // JSON text, not a placeholder
            }
            result = result.substring(0, start) + make(name) + result.substring(end + 1);
        }
        return result;
    }

    private String make(String name) throws IOException {
        Path path = dir.resolve(name);
        switch (name) {
            case "dir" -> {
                return dir.toString();
            }
            case "arch.json" -> write(path, ARCHITECTURE);
            case "trunc.json" -> write(path, ARCHITECTURE.substring(0, 40));
            case "empty.json", "empty.yaml", "empty.csv" -> write(path, "");
            case "array.json" -> write(path, "[1, 2]");
            case "string.json" -> write(path, "\"nor_conv_3x3\"");
            case "unknown-label.json" -> write(path, "{\"cell/node9/from0\": \"nor_conv_3x3\"}");
            case "bad-op.json" -> write(path, ARCHITECTURE.replace("\"none\"", "\"conv_9x9\""));
            case "extra-label.json" ->
                    write(path, ARCHITECTURE.replace("{", "{\"cell/node7/from0\":\"none\","));
            case "table.csv" -> write(path, TABLE);
            case "header-only.csv" -> write(path, "arch,cifar10_test_acc\n");
            case "rows.csv" -> write(path, ROWS);
            case "ragged.csv" -> write(path, ROWS + "7,x\n");
            case "text-in-number.csv" -> write(path, "a,y\n" + "1,p\n2,q\n".repeat(10) + "two,p\n");
            case "one-class.csv" -> write(path, "a,y\n" + "1,p\n".repeat(6));
            case "gap.csv" -> write(path, "a,y\n1,p\n,q\n3,p\n4,q\n5,p\n");
            case "file.txt" -> write(path, "not a folder\n");
            case "folder" -> Files.createDirectories(path);
            case "w-0000.params" -> write(path, "DJL@not really weights");
            case "settings-bad.json" -> write(path, "{\"channels\": ");
            case "settings-array.json" -> write(path, "[1, 2]");
            case "settings-unknown.json" -> write(path, "{\"bogus\": 1}");
            case "settings-zero.json" -> write(path, "{\"channels\": 0}");
            case "settings-bad.yaml" -> write(path, "channels: [1\n");
            case "settings.txt" -> write(path, "channels=4\n");
            case "settings-population.json" -> write(path, "{\"population\": -3}");
            case "not-a-zip.zip" -> write(path, "this is no zip archive\n");
            case "empty.zip" -> emptyZip(path);
            case "evil.zip" -> evilZip(path);
            case "zoo" -> zoo(path);
            case "m.zip" -> {
                Path zoo = dir.resolve("zoo");
                zoo(zoo);
                new ArchivePacker(zoo).pack("m", Optional.empty(), path);
            }
            case "exp" -> experiment(path);
            default -> {
                return path.toString(); // a path that does not exist
            }
        }
        return path.toString();
    }

    private static void write(Path path, String content) throws IOException {
        if (!Files.exists(path)) {
            Files.writeString(path, content, StandardCharsets.UTF_8);
        }
    }

    private static void emptyZip(Path path) throws IOException {
        if (!Files.exists(path)) {
            try (OutputStream out = Files.newOutputStream(path);
                    ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.finish();
            }
        }
    }

    private static void evilZip(Path path) throws IOException {
        if (!Files.exists(path)) {
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(path))) {
                zip.putNextEntry(new ZipEntry("../escaped.txt"));
                zip.write("x".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }

    /** A zoo holding model {@code m} version 1, with weights that only look like DJL's. */
    private void zoo(Path zoo) throws IOException {
        if (Files.exists(zoo)) {
            return;
        }
        Map<String, String> settings = Map.of("channels", "4", "cells", "1");
        Path weights = dir.resolve("weights").resolve("m-0000.params");
        Files.createDirectories(weights.getParent());
        Files.writeString(weights, "DJL@not really weights", StandardCharsets.UTF_8);
        Provenance provenance =
                Provenance.builder()
                        .setSpace("nas-bench-201", settings)
                        .setStrategy(RetrainedPublication.GIVEN, Map.of())
                        .setEngine("PyTorch", "2.7.1")
                        .setDataset("fashion-mnist", Map.of("seed", "0"))
                        .optTestMetrics(Map.of(Provenance.ACCURACY, 0.5))
                        .setParameters(1000)
                        .setLibraryVersion("test")
                        .build();
        ModelPublication publication =
                ModelPublication.builder()
                        .setName("m")
                        .setVersion("1")
                        .setArchitecture(Architecture.fromJson(ARCHITECTURE))
                        .setWeights(weights)
                        .setClassNames(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j"))
                        .setInputShape(new ai.djl.ndarray.types.Shape(3, 32, 32))
                        .optNormalization(new float[] {0.5f}, new float[] {0.25f})
                        .setProvenance(provenance)
                        .build();
        new ZooPublisher(zoo).publish(publication, false);
    }

    /** A finished tabular search of three trials, of architectures the table holds. */
    private void experiment(Path folder) throws IOException {
        if (Files.exists(folder)) {
            return;
        }
        CliRun run =
                CliRun.of(
                        "search",
                        "--space",
                        "nas-bench-201",
                        "--benchmark",
                        make("table.csv"),
                        "--strategy",
                        "grid",
                        "--trials",
                        "3",
                        "--out",
                        folder.toString());
        if (run.exitCode() != 0) {
            throw new IllegalStateException("the fixture's search failed: " + run.err());
        }
    }
}
