package org.djlnas.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.SearchSpaceProvider;
import org.djlnas.api.space.SpaceSize;
import org.djlnas.runtime.search.Plugins;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nas spaces}: lists the registered search spaces with their sizes (at default settings),
 * descriptions and settings.
 */
@Command(
        name = "spaces",
        mixinStandardHelpOptions = true,
        description = "List the search spaces, their sizes at default settings, and settings.")
final class SpacesCommand implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON array on stdout.")
    private boolean json;

    /**
     * One listed space.
     *
     * @param id the space's id
     * @param description its one-line description
     * @param size its exact number of architectures at default settings, or {@code infinite}
     * @param sizeHuman the same, rounded for people
     * @param settings its settings
     */
    record Listing(
            String id,
            String description,
            String size,
            String sizeHuman,
            List<SettingListing> settings) {}

    /**
     * One setting of a listed space.
     *
     * @param name the setting's name
     * @param type its type, in lower case
     * @param defaultValue its default
     * @param minimum the smallest allowed value of a numeric setting with one, else null
     * @param description what it means
     */
    record SettingListing(
            String name,
            String type,
            @JsonProperty("default") Object defaultValue,
            @Nullable Number minimum,
            String description) {

        static SettingListing of(SettingSpec spec) {
            return new SettingListing(
                    spec.name(),
                    spec.type().name().toLowerCase(Locale.ROOT),
                    spec.defaultValue(),
                    minimumOf(spec),
                    spec.description());
        }
    }

    private static @Nullable Number minimumOf(SettingSpec spec) {
        if (!Double.isFinite(spec.minimum())) {
            return null;
        }
        if (spec.type() == SettingSpec.Type.INTEGER) {
            return (long) spec.minimum();
        }
        return spec.minimum();
    }

    /** A space with its size at default settings. */
    private record Entry(SearchSpaceProvider provider, SpaceSize size) {

        Listing listing() {
            return new Listing(
                    provider.id(),
                    provider.description(),
                    size.toString(),
                    size.toHumanString(),
                    provider.settings().stream().map(SettingListing::of).toList());
        }
    }

    @Override
    public Integer call() {
        Plugins plugins = Main.plugins(spec);
        List<Entry> entries = new ArrayList<>();
        for (SearchSpaceProvider provider : plugins.spaces().values()) {
            entries.add(new Entry(provider, sizeAtDefaults(provider, plugins.operations())));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, entries.stream().map(Entry::listing).toList());
        } else if (entries.isEmpty()) {
            spec.commandLine().getErr().println("no search spaces are on the class path");
        } else {
            printTable(out, entries);
        }
        return 0;
    }

    private static SpaceSize sizeAtDefaults(SearchSpaceProvider provider, OpRegistry operations) {
        String owner = "space '" + provider.id() + "'";
        try {
            return provider.create(Settings.defaults(owner, provider.settings()), operations)
                    .size();
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    owner + " cannot be created: " + ErrorReporter.reason(e), e);
        }
    }

    private static void printTable(PrintWriter out, List<Entry> entries) {
        int idWidth = "ID".length();
        int sizeWidth = "SIZE".length();
        for (Entry e : entries) {
            idWidth = Math.max(idWidth, e.provider().id().length());
            sizeWidth = Math.max(sizeWidth, e.size().toHumanString().length());
        }
        String row = "%-" + idWidth + "s  %-" + sizeWidth + "s  %s%n";
        String indent = " ".repeat(idWidth + 2 + sizeWidth + 2);
        out.printf(Locale.ROOT, row, "ID", "SIZE", "DESCRIPTION");
        for (Entry e : entries) {
            String human = e.size().toHumanString();
            out.printf(Locale.ROOT, row, e.provider().id(), human, e.provider().description());
            if (!human.equals(e.size().toString())) {
                out.println(indent + "exactly " + e.size() + " architectures");
            }
            out.println(indent + "settings: " + Settings.describe(e.provider().settings()));
        }
        out.flush();
    }
}
