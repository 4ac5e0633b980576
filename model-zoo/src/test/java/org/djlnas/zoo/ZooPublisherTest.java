package org.djlnas.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.repository.Artifact;
import ai.djl.repository.MRL;
import ai.djl.repository.Metadata;
import ai.djl.repository.Repository;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.arch.InvalidArchitectureException;
import org.djlnas.api.data.DataInput;
import org.djlnas.api.data.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing writes DJL's repository layout; no engine is needed. */
class ZooPublisherTest {

    @TempDir Path folder;

    private Path zoo() {
        return folder.resolve("zoo");
    }

    private PublishedModel publish(String name, String version, String weights, boolean replace)
            throws Exception {
        return new ZooPublisher(zoo())
                .publish(
                        TestNetworks.publication(
                                name,
                                version,
                                TestNetworks.someArchitecture(),
                                TestNetworks.fakeWeights(
                                        folder.resolve("w-" + name + version + weights), weights)),
                        replace);
    }

    @Test
    void aVersionFolderHoldsEveryFileUnderItsChecksums() throws Exception {
        PublishedModel published = publish("fmnist", "1", "weights", false);

        Path version = ZooLayout.of(zoo()).versionFolder("fmnist", "1");
        assertThat(published.folder()).isEqualTo(version);
        assertThat(version)
                .isEqualTo(
                        zoo().toAbsolutePath()
                                .resolve("model/cv/image_classification/org/djlnas/zoo/fmnist/1"));
        try (Stream<Path> files = Files.list(version)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            "architecture.json",
                            "fmnist-0000.params",
                            "synset.txt",
                            "provenance.json",
                            "serving.properties",
                            "checksums.sha256");
        }
        ChecksumManifest.verify(version);
        assertThat(Files.readString(version.resolve("fmnist-0000.params")))
                .isEqualTo("DJL@weights");
        assertThat(Files.readAllLines(version.resolve("synset.txt")))
                .isEqualTo(TestNetworks.CLASS_NAMES);
        assertThat(Architecture.fromJson(Files.readString(version.resolve("architecture.json"))))
                .isEqualTo(TestNetworks.someArchitecture());
        assertThat(published.architectureId()).isEqualTo(TestNetworks.someArchitecture().id());
    }

    @Test
    void djlsLocalRepositoryReadsTheMetadata() throws Exception {
        publish("fmnist", "1", "weights", false);

        Repository repository = Repository.newInstance("zoo", zoo().toUri().toString());
        List<MRL> models = repository.getResources();
        assertThat(models).hasSize(1);
        MRL mrl = models.get(0);
        assertThat(mrl.getGroupId()).isEqualTo(ZooLayout.GROUP_ID);
        assertThat(mrl.getArtifactId()).isEqualTo("fmnist");
        assertThat(mrl.getApplication()).isEqualTo(ZooLayout.APPLICATION);
        Artifact artifact = mrl.match(Map.of("version", "1"));
        assertThat(artifact).isNotNull();
        assertThat(artifact.getArguments())
                .containsEntry("blockFactory", ArchitectureBlockFactory.class.getName())
                .containsEntry(
                        "translatorFactory", ImageClassifierTranslatorFactory.class.getName())
                .containsEntry("space", "nas-bench-201")
                .containsEntry("space.channels", "4")
                .containsEntry("space.classes", "10")
                .containsEntry("width", "28")
                .containsEntry("mean", "0.286");
        assertThat(artifact.getProperties())
                .containsEntry("version", "1")
                .containsEntry("engine", "PyTorch")
                .containsEntry("dataset", "fashion-mnist")
                .containsEntry("architecture", TestNetworks.someArchitecture().id());
        assertThat(artifact.getOptions(null)).containsEntry("modelName", "fmnist");
        assertThat(artifact.getFiles()).hasSize(6);
        Artifact.Item weights = artifact.getFiles().get("fmnist-0000.params");
        assertThat(weights.getUri()).isEqualTo("1/fmnist-0000.params");
        assertThat(weights.getSize()).isEqualTo("DJL@weights".length());
        assertThat(weights.getSha1Hash())
                .isEqualTo(
                        ChecksumManifest.sha1(
                                ZooLayout.of(zoo())
                                        .versionFolder("fmnist", "1")
                                        .resolve("fmnist-0000.params")));
    }

    @Test
    void servingPropertiesHoldTheLoadingArguments() throws Exception {
        publish("fmnist", "1", "weights", false);
        Map<String, String> properties =
                ServingProperties.read(ZooLayout.of(zoo()).versionFolder("fmnist", "1"));
        assertThat(properties)
                .containsEntry("blockFactory", ArchitectureBlockFactory.class.getName())
                .containsEntry("space.input-channels", "1")
                .containsEntry("option.modelName", "fmnist")
                .containsEntry("std", "0.353");
    }

    @Test
    void aTableModelKeepsItsDataDescriptionAndNamesTheTableTranslator() throws Exception {
        DataDescription data =
                new DataDescription(
                        new Task.Regression("price", 200.0, 50.0),
                        new DataInput.Features(List.of("rooms", "area", "colour=red")),
                        Map.of("mean", List.of(3.0, 80.0, 0.0), "std", List.of(1.0, 20.0, 1.0)));
        ModelPublication publication =
                ModelPublication.builder()
                        .setName("houses")
                        .setVersion("1")
                        .setArchitecture(TestNetworks.someArchitecture())
                        .setWeights(TestNetworks.fakeWeights(folder.resolve("w"), "weights"))
                        .setInputShape(new ai.djl.ndarray.types.Shape(3))
                        .optData(data)
                        .setProvenance(TestNetworks.provenance())
                        .build();
        assertThat(publication.classNames()).isEmpty();
        new ZooPublisher(zoo()).publish(publication, false);

        Path version = ZooLayout.of(zoo()).versionFolder("houses", "1");
        ChecksumManifest.verify(version);
        assertThat(DataDescription.read(version)).contains(data);
        assertThat(ServingProperties.read(version))
                .containsEntry("translatorFactory", "org.djlnas.zoo.TableTranslatorFactory")
                .containsEntry("input", "features")
                .doesNotContainKeys("channels", "mean", "std");
        assertThat(Files.readString(version.resolve(DataDescription.FILE)))
                .contains("\"kind\" : \"regression\"")
                .contains("\"names\" : [ \"rooms\", \"area\", \"colour=red\" ]");
    }

    @Test
    void aShapeOtherThanTheDataInputsIsRefused() {
        assertThatThrownBy(
                        () ->
                                ModelPublication.builder()
                                        .setName("houses")
                                        .setVersion("1")
                                        .setArchitecture(TestNetworks.someArchitecture())
                                        .setWeights(folder.resolve("w"))
                                        .setInputShape(new ai.djl.ndarray.types.Shape(4))
                                        .optData(
                                                new DataDescription(
                                                        new Task.Regression("price", 0, 1),
                                                        new DataInput.Features(List.of("a", "b")),
                                                        Map.of()))
                                        .setProvenance(TestNetworks.provenance())
                                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inputShape is (4)");
    }

    @Test
    void theNextVersionIsOneMoreThanTheHighestNumberOfThatModel() throws Exception {
        ZooPublisher publisher = new ZooPublisher(zoo());
        assertThat(publisher.nextVersion("fmnist")).isEqualTo("1");

        publish("fmnist", "2", "a", false);
        publish("fmnist", "10", "b", false);
        publish("fmnist", "9.5", "c", false);
        publish("other", "40", "d", false);

        assertThat(publisher.nextVersion("fmnist")).isEqualTo("11");
        assertThat(publisher.nextVersion("other")).isEqualTo("41");
        assertThat(publisher.nextVersion("new")).isEqualTo("1");
    }

    @Test
    void versionsCoexistNewestFirstAndModelsSideBySide() throws Exception {
        publish("fmnist", "1", "a", false);
        publish("fmnist", "10", "b", false);
        publish("fmnist", "2", "c", false);
        publish("other", "1", "d", false);

        Metadata metadata =
                MetadataFile.read(
                        ZooLayout.of(zoo()).modelFolder("fmnist").resolve("metadata.json"),
                        "fmnist");
        assertThat(metadata.getArtifacts())
                .extracting(Artifact::getVersion)
                .containsExactly("10", "2", "1");
        assertThat(ZooLayout.of(zoo()).modelNames()).containsExactly("fmnist", "other");
        assertHiddenFilesAreOnlyTheLock();
    }

    @Test
    void anExistingVersionIsRefusedUnlessReplaced() throws Exception {
        PublishedModel original = publish("fmnist", "1", "old", false);
        String before = artifactName("fmnist", "1");

        assertThatThrownBy(() -> publish("fmnist", "1", "new", false))
                .isInstanceOf(FileAlreadyExistsException.class)
                .hasMessageContaining("model 'fmnist' version 1 is already published")
                .hasMessageContaining(original.folder().toString());
        assertThat(Files.readString(original.folder().resolve("fmnist-0000.params")))
                .isEqualTo("DJL@old");
        assertHiddenFilesAreOnlyTheLock();

        publish("fmnist", "1", "new", true);
        assertThat(Files.readString(original.folder().resolve("fmnist-0000.params")))
                .isEqualTo("DJL@new");
        ChecksumManifest.verify(original.folder());
        assertThat(artifactName("fmnist", "1")).isNotEqualTo(before).startsWith("fmnist-");
        assertHiddenFilesAreOnlyTheLock();
    }

    @Test
    void concurrentPublicationsAllLand() throws Exception {
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        for (int v = 1; v <= 4; v++) {
            String version = Integer.toString(v);
            threads.add(
                    new Thread(
                            () -> {
                                try {
                                    publish("fmnist", version, "w" + version, false);
                                } catch (Exception | Error e) {
                                    failures.add(e);
                                }
                            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(failures).isEmpty();
        Metadata metadata =
                MetadataFile.read(
                        ZooLayout.of(zoo()).modelFolder("fmnist").resolve("metadata.json"),
                        "fmnist");
        assertThat(metadata.getArtifacts())
                .extracting(Artifact::getVersion)
                .containsExactly("4", "3", "2", "1");
        assertHiddenFilesAreOnlyTheLock();
    }

    @Test
    void everySpaceSettingIsRecordedDefaultsIncluded() throws Exception {
        PublishedModel published = publish("fmnist", "1", "weights", false);
        assertThat(published.provenance().spaceSettings())
                .containsEntry("channels", "4")
                .containsEntry("classes", "10");
        Provenance stored =
                ProvenanceJson.read(
                        Files.readString(published.folder().resolve("provenance.json")), "test");
        assertThat(stored).isEqualTo(published.provenance());
    }

    @Test
    void anArchitectureOutsideItsSpaceIsRefusedAndNothingWritten() throws Exception {
        Path weights = TestNetworks.fakeWeights(folder, "x");
        ModelPublication publication =
                TestNetworks.publication(
                        "fmnist",
                        "1",
                        Architecture.of(Map.of("cell/node1/from0", "conv_9x9")),
                        weights);
        assertThatThrownBy(() -> new ZooPublisher(zoo()).publish(publication, false))
                .isInstanceOf(InvalidArchitectureException.class)
                .hasMessageContaining("cell/node1/from0");
        assertThat(zoo()).doesNotExist();
    }

    @Test
    void weightsMustBeInDjlsFormat() throws Exception {
        Path weights = Files.writeString(folder.resolve("model-0000.params"), "not weights");
        ModelPublication publication =
                TestNetworks.publication("fmnist", "1", TestNetworks.someArchitecture(), weights);
        assertThatThrownBy(() -> new ZooPublisher(zoo()).publish(publication, false))
                .isInstanceOf(CorruptModelFileException.class)
                .hasMessageContaining(weights.toString())
                .hasMessageContaining("not a DJL parameter file");
    }

    @Test
    void aWeightsFolderGivesItsLatestEpochButNotTwoModels() throws Exception {
        Path weights = folder.resolve("weights");
        Files.createDirectories(weights);
        Files.writeString(weights.resolve("net-0001.params"), "DJL@one");
        Files.writeString(weights.resolve("net-0002.params"), "DJL@two");
        PublishedModel published =
                new ZooPublisher(zoo())
                        .publish(
                                TestNetworks.publication(
                                        "fmnist", "1", TestNetworks.someArchitecture(), weights),
                                false);
        assertThat(Files.readString(published.folder().resolve("fmnist-0000.params")))
                .isEqualTo("DJL@two");

        Files.writeString(weights.resolve("other-0001.params"), "DJL@three");
        assertThatThrownBy(
                        () ->
                                new ZooPublisher(zoo())
                                        .publish(
                                                TestNetworks.publication(
                                                        "fmnist",
                                                        "2",
                                                        TestNetworks.someArchitecture(),
                                                        weights),
                                                false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("several models (net, other)");
    }

    @Test
    void anUnknownSpaceIsNamedWithTheKnownOnes() throws Exception {
        Provenance provenance = TestNetworks.provenance("no-such-space", Map.of());
        ModelPublication publication =
                ModelPublication.builder()
                        .setName("fmnist")
                        .setVersion("1")
                        .setArchitecture(Architecture.of(Map.of()))
                        .setWeights(TestNetworks.fakeWeights(folder, "x"))
                        .setClassNames(List.of("a", "b"))
                        .setInputShape(TestNetworks.IMAGE)
                        .setProvenance(provenance)
                        .build();
        assertThatThrownBy(() -> new ZooPublisher(zoo()).publish(publication, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'no-such-space'")
                .hasMessageContaining("nas-bench-201");
    }

    @Test
    void badNamesAndVersionsAreRefused() {
        assertThatThrownBy(() -> ZooLayout.requireName("../evil"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("model name '../evil' is not valid");
        assertThatThrownBy(() -> ZooLayout.requireVersion("1/../2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version '1/../2' is not valid");
        assertThatThrownBy(
                        () -> ModelPublication.builder().setName("fmnist").setVersion("1").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inputShape is missing");
    }

    private String artifactName(String name, String version) throws Exception {
        Metadata metadata =
                MetadataFile.read(
                        ZooLayout.of(zoo()).modelFolder(name).resolve("metadata.json"), name);
        return MetadataFile.version(metadata, version).orElseThrow().getName();
    }

    private void assertHiddenFilesAreOnlyTheLock() throws Exception {
        try (Stream<Path> files = Files.walk(zoo())) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(".")))
                    .containsExactly(ZooLock.FILE);
        }
        assertThat(Files.readString(zoo().resolve(ZooLock.FILE), StandardCharsets.UTF_8)).isEmpty();
    }
}
