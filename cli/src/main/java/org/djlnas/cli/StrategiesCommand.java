package org.djlnas.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.djlnas.api.oneshot.OneShotStrategyProvider;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.strategy.StrategyProvider;
import org.djlnas.runtime.search.Plugins;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nas strategies}: lists the registered strategies with their settings. */
@Command(
        name = "strategies",
        mixinStandardHelpOptions = true,
        description = "List the search strategies and their settings (--strategy-opt KEY=VALUE).")
final class StrategiesCommand implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON array on stdout.")
    private boolean json;

    /**
     * One listed strategy.
     *
     * @param id the strategy's id
     * @param kind {@code multi-trial} (proposes trials), {@code one-shot} (trains a supernet) or
     *     {@code evaluator}
     * @param description its one-line description
     * @param settings its settings
     */
    record Listing(
            String id,
            String kind,
            String description,
            List<SpacesCommand.SettingListing> settings) {

        static Listing of(String id, String kind, String description, List<SettingSpec> specs) {
            return new Listing(
                    id,
                    kind,
                    description,
                    specs.stream().map(SpacesCommand.SettingListing::of).toList());
        }
    }

    @Override
    public Integer call() {
        Plugins plugins = Main.plugins(spec);
        List<Listing> listings = new ArrayList<>();
        for (StrategyProvider p : plugins.strategies().values()) {
            listings.add(Listing.of(p.id(), "multi-trial", p.description(), p.settings()));
        }
        for (OneShotStrategyProvider p : plugins.oneShotStrategies().values()) {
            listings.add(Listing.of(p.id(), "one-shot", p.description(), p.settings()));
        }
        Map<String, List<SettingSpec>> specs = new LinkedHashMap<>();
        plugins.strategies().values().forEach(p -> specs.put(p.id(), p.settings()));
        plugins.oneShotStrategies().values().forEach(p -> specs.put(p.id(), p.settings()));
        print(spec.commandLine().getOut(), json, listings, specs);
        return 0;
    }

    /**
     * Prints listings as one JSON array, or as a table with each one's settings below it.
     *
     * @param out where to print
     * @param json whether to print JSON
     * @param listings the listings
     * @param specs each listing's settings, by id
     */
    static void print(
            PrintWriter out,
            boolean json,
            List<Listing> listings,
            Map<String, List<SettingSpec>> specs) {
        if (json) {
            Json.print(out, listings);
            return;
        }
        int width = listings.stream().mapToInt(l -> l.id().length()).max().orElse(2);
        int kindWidth =
                Math.max(11, listings.stream().mapToInt(l -> l.kind().length()).max().orElse(4));
        String row = "%-" + width + "s  %-" + kindWidth + "s  %s%n";
        out.printf(Locale.ROOT, row, "ID", "KIND", "DESCRIPTION");
        for (Listing listing : listings) {
            out.printf(Locale.ROOT, row, listing.id(), listing.kind(), listing.description());
            out.println(
                    " ".repeat(width + kindWidth + 4)
                            + "settings: "
                            + Settings.describe(specs.get(listing.id())));
        }
        out.flush();
    }
}
