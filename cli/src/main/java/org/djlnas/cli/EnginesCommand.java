package org.djlnas.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.djlnas.api.engine.EngineCapability;
import org.djlnas.api.engine.EngineInfo;
import org.djlnas.api.engine.EngineSelector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nas engines}: lists the engines on the class path, their versions and what each can do,
 * marking the one used when none is asked for.
 */
@Command(
        name = "engines",
        mixinStandardHelpOptions = true,
        description = {
            "List the DJL engines on the class path and what each can do.",
            "Loads each engine to read its version."
        })
final class EnginesCommand implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON array on stdout.")
    private boolean json;

    /**
     * One listed engine.
     *
     * @param name the DJL engine name
     * @param version its version
     * @param capabilities what it can do, in kebab-case
     * @param isDefault whether it is used when no engine is asked for
     */
    record Listing(
            String name,
            String version,
            List<String> capabilities,
            @JsonProperty("default") boolean isDefault) {}

    @Override
    public Integer call() {
        EngineSelector selector = Engines.selector(Main.plugins(spec));
        Optional<String> defaultName = defaultEngine(selector);
        List<Listing> listings =
                selector.available().stream().map(info -> listing(info, defaultName)).toList();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, listings);
        } else if (listings.isEmpty()) {
            spec.commandLine().getErr().println("no engine module is on the class path");
        } else {
            printTable(out, listings);
        }
        return 0;
    }

    private static Optional<String> defaultEngine(EngineSelector selector) {
        try {
            return Optional.of(selector.resolveName(Optional.empty()));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // no engine, or several and none chosen
        }
    }

    private static Listing listing(EngineInfo info, Optional<String> defaultName) {
        return new Listing(
                info.name(),
                info.version(),
                info.capabilities().stream().sorted().map(EnginesCommand::kebab).toList(),
                defaultName.filter(info.name()::equals).isPresent());
    }

    private static String kebab(EngineCapability capability) {
        return capability.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static void printTable(PrintWriter out, List<Listing> listings) {
        int nameWidth = "ENGINE".length();
        int versionWidth = "VERSION".length();
        for (Listing l : listings) {
            nameWidth = Math.max(nameWidth, l.name().length() + 2);
            versionWidth = Math.max(versionWidth, l.version().length());
        }
        String row = "%-" + nameWidth + "s  %-" + versionWidth + "s  %s%n";
        out.printf(Locale.ROOT, row, "ENGINE", "VERSION", "CAN");
        for (Listing l : listings) {
            String name = l.isDefault() ? l.name() + " *" : l.name();
            out.printf(Locale.ROOT, row, name, l.version(), String.join(", ", l.capabilities()));
        }
        if (listings.stream().anyMatch(Listing::isDefault)) {
            out.println("* used when no engine is asked for (--engine, -Dnas.engine)");
        }
        out.flush();
    }
}
