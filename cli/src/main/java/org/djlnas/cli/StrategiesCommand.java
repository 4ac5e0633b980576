package org.djlnas.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
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
     * @param description its one-line description
     * @param settings its settings
     */
    record Listing(String id, String description, List<SpacesCommand.SettingListing> settings) {}

    @Override
    public Integer call() {
        List<StrategyProvider> providers = List.copyOf(Plugins.discover().strategies().values());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(
                    out,
                    providers.stream()
                            .map(
                                    p ->
                                            new Listing(
                                                    p.id(),
                                                    p.description(),
                                                    p.settings().stream()
                                                            .map(SpacesCommand.SettingListing::of)
                                                            .toList()))
                            .toList());
            return 0;
        }
        int width = providers.stream().mapToInt(p -> p.id().length()).max().orElse(2);
        String row = "%-" + width + "s  %s%n";
        out.printf(Locale.ROOT, row, "ID", "DESCRIPTION");
        for (StrategyProvider provider : providers) {
            out.printf(Locale.ROOT, row, provider.id(), provider.description());
            out.println(
                    " ".repeat(width + 2) + "settings: " + Settings.describe(provider.settings()));
        }
        out.flush();
        return 0;
    }
}
