package org.djlnas.runtime.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.djlnas.api.oneshot.OneShotStrategyProvider;
import org.djlnas.api.settings.Settings;
import org.djlnas.strategies.oneshot.MetaStartManifest;

/**
 * A one-shot search's {@code warmStart}: one meta-trained supernet folder ({@link MetaTraining})
 * whose space and shared settings match the search's.
 */
final class MetaStarts {

    private MetaStarts() {}

    /**
     * Returns the meta-start folder of a one-shot search, checked, or empty without {@code
     * warmStart}.
     *
     * @param config the search's configuration, its data settings filled in
     * @param plugins the spaces and strategies
     * @return the folder
     * @throws IllegalArgumentException naming {@code warmStart} and what is wrong
     */
    static Optional<Path> of(ExperimentConfig config, Plugins plugins) {
        if (config.warmStart().isEmpty()) {
            return Optional.empty();
        }
        OneShotStrategyProvider strategy = plugins.oneShotStrategyProvider(config.strategy());
        if (!strategy.startsFromMetaTraining()) {
            throw new IllegalArgumentException(
                    "`warmStart` is given; strategy '"
                            + config.strategy()
                            + "' cannot start from a meta-trained supernet (strategies that can: "
                            + String.join(
                                    ", ",
                                    plugins.oneShotStrategies().values().stream()
                                            .filter(OneShotStrategyProvider::startsFromMetaTraining)
                                            .map(OneShotStrategyProvider::id)
                                            .sorted()
                                            .toList())
                            + ")");
        }
        if (config.warmStart().size() != 1) {
            throw new IllegalArgumentException(
                    "`warmStart` names "
                            + config.warmStart().size()
                            + " folders; a one-shot search starts from one meta-trained supernet");
        }
        Path folder = Path.of(config.warmStart().get(0));
        MetaStartManifest manifest;
        try {
            manifest = MetaStartManifest.read(folder);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "`warmStart`: cannot read " + folder + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("`warmStart`: " + e.getMessage(), e);
        }
        if (!manifest.space().equals(config.space())) {
            throw new IllegalArgumentException(
                    "`warmStart` folder "
                            + folder
                            + " was meta-trained on space '"
                            + manifest.space()
                            + "'; the search's space is '"
                            + config.space()
                            + "'");
        }
        Map<String, Object> search =
                Settings.resolve(
                                "`spaceSettings`",
                                plugins.spaceProvider(config.space()).settings(),
                                config.spaceSettings())
                        .asMap();
        manifest.spaceSettings()
                .forEach(
                        (name, value) -> {
                            String ours = String.valueOf(search.get(name));
                            if (!ours.equals(value)) {
                                throw new IllegalArgumentException(
                                        "`warmStart` folder "
                                                + folder
                                                + " was meta-trained with space setting "
                                                + name
                                                + "="
                                                + value
                                                + "; the search has "
                                                + name
                                                + "="
                                                + ours);
                            }
                        });
        return Optional.of(folder);
    }
}
