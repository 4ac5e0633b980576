package org.djlnas.examples.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.engine.EngineSelector;
import org.djlnas.api.trial.Budget;
import org.djlnas.runtime.data.FashionMnist;
import org.djlnas.runtime.export.NetworkExport;
import org.djlnas.runtime.search.Candidate;
import org.djlnas.runtime.search.ExperimentConfig;
import org.djlnas.runtime.search.Plugins;
import org.djlnas.runtime.search.Retraining;
import org.djlnas.runtime.search.SearchReport;
import org.djlnas.runtime.search.SearchSession;
import org.djlnas.testing.DataRequirements;
import org.djlnas.zoo.Provenance;
import org.djlnas.zoo.PublishedModel;
import org.djlnas.zoo.RetrainedPublication;
import org.djlnas.zoo.ZooCatalog;
import org.djlnas.zoo.ZooPublisher;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code nas search}, {@code nas retrain}, {@code nas export} and {@code nas publish} do, as a
 * Java program with the library alone (no cli on the class path): a tabular search, a retraining of
 * its best architecture for one epoch on 500 Fashion-MNIST images, an export to TensorFlow, and a
 * publication into a model zoo with its provenance.
 */
@Tag("integration")
class SearchRetrainExportPublishTest {

    /** Small enough to train in seconds: one cell per stage, four channels. */
    private static final Map<String, String> SMALL = Map.of("channels", "4", "cells", "1");

    @TempDir Path folder;

    @Test
    void searchRetrainExportAndPublishWithoutTheCli() throws Exception {
        DataRequirements.requireFashionMnist(FashionMnist.DEFAULT_DIRECTORY);
        assertThat(getClass().getClassLoader().getResource("org/djlnas/cli/Main.class")).isNull();
        Plugins plugins = Plugins.discover();
        Path experiment = folder.resolve("experiment");

        ExperimentConfig config =
                ExperimentConfig.builder()
                        .setSpace("nas-bench-201")
                        .setStrategy("regularized-evolution")
                        .optBenchmark("nas-bench-201-cifar10")
                        .optSeed(11)
                        .optTrials(8)
                        .build();
        SearchReport searched;
        try (SearchSession session = SearchSession.create(experiment, config, plugins)) {
            searched = session.run(List.of());
        }
        Architecture best = searched.best().orElseThrow().trial().spec().architecture();
        assertThat(searched.result().trials()).hasSize(8);

        Candidate found =
                Candidate.found(
                        experiment,
                        Optional.empty(),
                        provider -> SMALL,
                        plugins,
                        Optional.empty(),
                        Map.of(),
                        OptionalLong.empty());
        assertThat(found.architecture()).isEqualTo(best);
        Retraining.Request request = found.retraining("PyTorch", new Budget(1, 500));
        Retraining.check(request, plugins);
        Retraining.Report trained =
                Retraining.run(request, plugins, Retraining.folderOf(experiment));
        assertThat(trained.testObjective()).isBetween(0.0, 1.0);
        assertThat(Retraining.read(trained.folder()).request().architecture()).isEqualTo(best);

        NetworkExport.Report exported =
                new NetworkExport(EngineSelector.discover().withFallback("PyTorch"))
                        .export(
                                NetworkExport.Request.of(
                                        found, trained.weights(), "TensorFlow", plugins),
                                folder.resolve("savedmodel"));
        assertThat(exported.engine()).isEqualTo("TensorFlow");
        assertThat(exported.sourceEngine()).isEqualTo("PyTorch");
        assertThat(exported.maxDifference()).isLessThanOrEqualTo(NetworkExport.TOLERANCE);

        Path zoo = folder.resolve("zoo");
        ZooPublisher publisher = new ZooPublisher(zoo);
        String version = publisher.nextVersion("fmnist-nb201");
        PublishedModel published =
                publisher.publish(
                        RetrainedPublication.of(
                                "fmnist-nb201",
                                version,
                                trained,
                                found.foundBy(),
                                "example",
                                plugins),
                        false);

        assertThat(version).isEqualTo("1");
        assertThat(publisher.nextVersion("fmnist-nb201")).isEqualTo("2");
        assertThat(published.architectureId()).isEqualTo(best.id());
        assertThat(published.testAccuracy()).hasValue(trained.testObjective());
        PublishedModel listed = new ZooCatalog(zoo).list().models().get(0);
        Provenance provenance = listed.provenance();
        assertThat(provenance.strategy()).isEqualTo("regularized-evolution");
        assertThat(provenance.seeds())
                .containsEntry("experiment", 11L)
                .containsEntry("retrain", 11L);
        assertThat(provenance.spaceSettings()).containsEntry("channels", "4");
        assertThat(provenance.libraryVersion()).isEqualTo("example");
    }
}
