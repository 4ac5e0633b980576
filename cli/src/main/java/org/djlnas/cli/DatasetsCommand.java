package org.djlnas.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.djlnas.api.data.DataSourceProvider;
import org.djlnas.api.settings.SettingSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nas datasets}: lists the kinds of data set, with the options of each. */
@Command(
        name = "datasets",
        mixinStandardHelpOptions = true,
        description =
                "List the kinds of data set (--dataset KIND or KIND:LOCATION) and their options"
                        + " (--data-opt KEY=VALUE).")
final class DatasetsCommand implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON array on stdout.")
    private boolean json;

    @Override
    public Integer call() {
        Map<String, List<SettingSpec>> specs = new LinkedHashMap<>();
        List<StrategiesCommand.Listing> listings = new ArrayList<>();
        for (DataSourceProvider provider : Main.plugins(spec).dataSources().values()) {
            specs.put(provider.id(), provider.options());
            listings.add(
                    StrategiesCommand.Listing.of(
                            provider.id(),
                            provider.needsLocation() ? "needs LOCATION" : "LOCATION optional",
                            provider.description(),
                            provider.options()));
        }
        StrategiesCommand.print(spec.commandLine().getOut(), json, listings, specs);
        return 0;
    }
}
