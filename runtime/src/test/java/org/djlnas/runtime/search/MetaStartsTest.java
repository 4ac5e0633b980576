package org.djlnas.runtime.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.djlnas.runtime.wiring.PluginCatalog;
import org.djlnas.strategies.oneshot.MetaStartManifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A one-shot search's {@code warmStart}: a meta-trained supernet folder whose space and shared
 * settings must match the search's, named in one line when they do not.
 */
class MetaStartsTest {

    private static Plugins plugins;

    @TempDir Path folder;

    @BeforeAll
    static void plugins() {
        plugins = Plugins.of(PluginCatalog.discover());
    }

    private Path metaStart(String space, Map<String, String> settings) throws IOException {
        Path meta = folder.resolve("meta");
        Files.createDirectories(meta);
        Files.writeString(
                meta.resolve(MetaStartManifest.FILE),
                new MetaStartManifest(
                                space,
                                settings,
                                List.of("fashion-mnist"),
                                Map.of(),
                                0,
                                "PyTorch",
                                List.of(),
                                List.of())
                        .toJson());
        return meta;
    }

    private static ExperimentConfig search(String strategy, List<String> warmStart) {
        return ExperimentConfig.builder()
                .setSpace("darts")
                .optSpaceSettings(Map.of("channels", "4", "layers", "3", "classes", "5"))
                .setStrategy(strategy)
                .optDataset("fashion-mnist")
                .optEpochs(1)
                .optWarmStart(warmStart)
                .build();
    }

    @Test
    void acceptsAFolderOfTheSameSpaceAndSharedSettings() throws IOException {
        Path meta = metaStart("darts", Map.of("channels", "4", "layers", "3", "nodes", "4"));

        assertThat(MetaStarts.of(search("darts", List.of(meta.toString())), plugins))
                .contains(meta);
        assertThat(MetaStarts.of(search("gdas", List.of(meta.toString())), plugins)).contains(meta);
        assertThat(MetaStarts.of(search("darts", List.of()), plugins)).isEmpty();
    }

    @Test
    void namesAnotherSpaceOrSetting() throws IOException {
        Path other = metaStart("nas-bench-201", Map.of("channels", "4"));
        assertThatThrownBy(() -> MetaStarts.of(search("darts", List.of(other.toString())), plugins))
                .hasMessage(
                        "`warmStart` folder "
                                + other
                                + " was meta-trained on space 'nas-bench-201'; the search's space"
                                + " is 'darts'");
        Files.delete(other.resolve(MetaStartManifest.FILE));
        Path wider = metaStart("darts", Map.of("channels", "8"));
        assertThatThrownBy(() -> MetaStarts.of(search("darts", List.of(wider.toString())), plugins))
                .hasMessage(
                        "`warmStart` folder "
                                + wider
                                + " was meta-trained with space setting channels=8; the search"
                                + " has channels=4");
    }

    @Test
    void namesAMissingManifestAStrategyThatCannotAndSeveralFolders() throws IOException {
        assertThatThrownBy(
                        () -> MetaStarts.of(search("darts", List.of(folder.toString())), plugins))
                .hasMessage(
                        "`warmStart`: "
                                + folder
                                + " holds no manifest.json; expected a folder written by"
                                + " meta-training");
        Path meta = metaStart("darts", Map.of("channels", "4"));
        assertThatThrownBy(() -> MetaStarts.of(search("enas", List.of(meta.toString())), plugins))
                .hasMessageStartingWith(
                        "`warmStart` is given; strategy 'enas' cannot start from a meta-trained"
                                + " supernet (strategies that can: darts, darts-2nd, gdas")
                .hasMessageNotContaining("spos");
        assertThatThrownBy(
                        () ->
                                MetaStarts.of(
                                        search("darts", List.of(meta.toString(), meta.toString())),
                                        plugins))
                .hasMessage(
                        "`warmStart` names 2 folders; a one-shot search starts from one"
                                + " meta-trained supernet");
    }
}
