package org.djlnas.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.djlnas.api.eval.EvaluatorProvider;
import org.djlnas.api.settings.SettingSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nas evaluators}: lists what can score trials, with the settings of each. */
@Command(
        name = "evaluators",
        mixinStandardHelpOptions = true,
        description =
                "List the evaluators (nas search --evaluator ID) and their settings"
                        + " (--evaluator-opt KEY=VALUE).")
final class EvaluatorsCommand implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON array on stdout.")
    private boolean json;

    @Override
    public Integer call() {
        Map<String, List<SettingSpec>> specs = new LinkedHashMap<>();
        List<StrategiesCommand.Listing> listings = new ArrayList<>();
        for (EvaluatorProvider provider : Main.plugins(spec).evaluators().values()) {
            specs.put(provider.id(), provider.settings());
            listings.add(
                    StrategiesCommand.Listing.of(
                            provider.id(),
                            "evaluator",
                            provider.description(),
                            provider.settings()));
        }
        StrategiesCommand.print(spec.commandLine().getOut(), json, listings, specs);
        return 0;
    }
}
