package org.djlnas.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.djlnas.zoo.ArchiveImporter;
import org.djlnas.zoo.ArchivePacker;
import org.djlnas.zoo.PublishedModel;
import org.djlnas.zoo.ZooCatalog;
import org.djlnas.zoo.ZooListing;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nas zoo}: what a model zoo holds, and moving models between zoos as archives. */
@Command(
        name = "zoo",
        mixinStandardHelpOptions = true,
        description = "List a model zoo, pack a published model as one archive, import one.",
        subcommands = {
            ZooCommand.ListCommand.class,
            ZooCommand.PackCommand.class,
            ZooCommand.ImportCommand.class
        })
final class ZooCommand implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(
                spec.commandLine(), "missing command; expected one of list, pack, import");
    }

    /** {@code nas zoo list ZOO}: every model and version with its scores and origin. */
    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "List the models and versions in a zoo folder.")
    static final class ListCommand implements Callable<Integer> {

        @Spec private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ZOO", description = "The zoo folder.")
        private Path zoo;

        @Option(names = "--json", description = "Print one JSON object on stdout.")
        private boolean json;

        @Override
        public Integer call() throws Exception {
            if (!Files.isDirectory(zoo)) {
                throw new IllegalArgumentException(
                        "zoo folder '"
                                + zoo
                                + "' "
                                + (Files.exists(zoo) ? "is not a folder" : "does not exist")
                                + "; expected a folder 'nas publish' wrote");
            }
            ZooListing listing = new ZooCatalog(zoo).list();
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            listing.problems().forEach(problem -> err.println("nas: " + problem));
            err.flush();
            if (json) {
                List<Map<String, Object>> models = new ArrayList<>();
                for (PublishedModel model : listing.models()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("name", model.name());
                    row.put("version", model.version());
                    row.put("id", model.architectureId());
                    row.put("validationAccuracy", orNull(model.validationAccuracy()));
                    row.put("testAccuracy", orNull(model.testAccuracy()));
                    row.put("parameters", model.parameters());
                    row.put("provenance", model.provenance().summary());
                    row.put("folder", model.folder().toString());
                    models.add(row);
                }
                Json.print(out, Map.of("models", models, "problems", listing.problems()));
            } else if (listing.models().isEmpty()) {
                err.println("no published model in " + zoo);
            } else {
                String row = "%-20s %-8s %-9s %-9s %11s  %s%n";
                out.printf(
                        Locale.ROOT,
                        row,
                        "NAME",
                        "VERSION",
                        "VAL ACC",
                        "TEST ACC",
                        "PARAMETERS",
                        "FROM");
                for (PublishedModel model : listing.models()) {
                    out.printf(
                            Locale.ROOT,
                            row,
                            model.name(),
                            model.version(),
                            fraction(model.validationAccuracy()),
                            fraction(model.testAccuracy()),
                            String.format(Locale.ROOT, "%,d", model.parameters()),
                            model.provenance().summary());
                }
            }
            out.flush();
            return listing.problems().isEmpty() ? 0 : 1;
        }
    }

    /** {@code nas zoo pack ZOO --name NAME}: one model (or one version) as a zip archive. */
    @Command(
            name = "pack",
            mixinStandardHelpOptions = true,
            description = "Pack a published model (every version, or --version) into one zip.")
    static final class PackCommand implements Callable<Integer> {

        @Spec private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ZOO", description = "The zoo folder.")
        private Path zoo;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "The model.")
        private String name;

        @Option(names = "--version", paramLabel = "V", description = "Only this version.")
        private @Nullable String version;

        @Option(
                names = "--out",
                required = true,
                paramLabel = "FILE.zip",
                description = "The archive to write.")
        private Path out;

        @Option(names = "--json", description = "Print one JSON object with the result on stdout.")
        private boolean json;

        @Override
        public Integer call() throws Exception {
            new ArchivePacker(zoo).pack(name, Optional.ofNullable(version), out);
            PrintWriter stdout = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> root = new LinkedHashMap<>();
                root.put("name", name);
                root.put("version", version);
                root.put("archive", out.toString());
                Json.print(stdout, root);
            } else {
                stdout.println("packed " + name + " into " + out);
            }
            stdout.flush();
            return 0;
        }
    }

    /** {@code nas zoo import ZOO ARCHIVE}: adds the models of an archive to a zoo, checked. */
    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = {
                "Import an archive made by 'nas zoo pack' into a zoo folder.",
                "Entries that would land outside the zoo, unexpected files and checksum"
                        + " mismatches reject the whole archive; nothing is left behind."
            })
    static final class ImportCommand implements Callable<Integer> {

        @Spec private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ZOO", description = "The zoo folder.")
        private Path zoo;

        @Parameters(index = "1", paramLabel = "ARCHIVE", description = "The zip to import.")
        private Path archive;

        @Option(names = "--replace", description = "Replace versions the zoo already holds.")
        private boolean replace;

        @Option(names = "--json", description = "Print one JSON object with the result on stdout.")
        private boolean json;

        @Override
        public Integer call() throws Exception {
            List<PublishedModel> imported =
                    new ArchiveImporter(zoo).importArchive(archive, replace);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                List<Map<String, Object>> models = new ArrayList<>();
                for (PublishedModel model : imported) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("name", model.name());
                    row.put("version", model.version());
                    row.put("id", model.architectureId());
                    row.put("folder", model.folder().toString());
                    models.add(row);
                }
                Json.print(out, Map.of("imported", models));
            } else {
                for (PublishedModel model : imported) {
                    out.println("imported " + model.name() + " version " + model.version());
                }
            }
            out.flush();
            return 0;
        }
    }

    private static @Nullable Double orNull(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }

    private static String fraction(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.4f", value.getAsDouble()) : "-";
    }
}
