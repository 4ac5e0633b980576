package org.djlnas.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.repository.Artifact;
import ai.djl.repository.MRL;
import ai.djl.repository.zoo.ModelLoader;
import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the zoo finds folders and models, without loading any. */
class NasModelZooTest {

    @TempDir Path folder;

    private void publish(Path zoo, String name, String version) throws Exception {
        new ZooPublisher(zoo)
                .publish(
                        TestNetworks.publication(
                                name,
                                version,
                                TestNetworks.someArchitecture(),
                                TestNetworks.fakeWeights(
                                        folder.resolve("w" + name + version), version)),
                        false);
    }

    @Test
    void foldersComeFromThePropertyElseTheEnvironment() {
        Map<String, String> properties =
                Map.of("nas.zoo", "/a" + File.pathSeparator + " " + File.pathSeparator + "/b");
        Map<String, String> environment = Map.of("NAS_ZOO", "/c");
        assertThat(NasModelZoo.fromEnvironment(properties::get, environment::get))
                .containsExactly(Path.of("/a"), Path.of("/b"));
        assertThat(NasModelZoo.fromEnvironment(n -> null, environment::get))
                .containsExactly(Path.of("/c"));
        assertThat(NasModelZoo.fromEnvironment(n -> null, n -> null)).isEmpty();
    }

    @Test
    void everyModelOfEveryFolderHasALoaderInFolderOrder() throws Exception {
        Path first = folder.resolve("first");
        Path second = folder.resolve("second");
        publish(first, "shared", "1");
        publish(second, "shared", "2");
        publish(second, "only-second", "1");

        NasModelZoo zoo = NasModelZoo.of(first, folder.resolve("missing"), second);

        assertThat(zoo.getGroupId()).isEqualTo("org.djlnas.zoo");
        assertThat(zoo.getModelLoaders())
                .extracting(ModelLoader::getArtifactId)
                .containsExactly("shared", "only-second", "shared");
        ModelLoader shared = zoo.getModelLoader("shared");
        assertThat(shared).isNotNull();
        assertThat(shared.getMrl().getRepository().getName()).isEqualTo(first.toString());
        assertThat(zoo.getModelLoader("absent")).isNull();
        assertThat(zoo.getSupportedEngines()).contains("PyTorch", "MXNet");
    }

    @Test
    void theRepositoryServesFilesInPlace() throws Exception {
        Path zoo = folder.resolve("zoo");
        publish(zoo, "fmnist", "1");
        publish(zoo, "fmnist", "2");
        ZooRepository repository = new ZooRepository(zoo);
        List<MRL> models = repository.getResources();
        assertThat(models).hasSize(1);
        MRL mrl = models.get(0);

        Artifact newest = repository.resolve(mrl, null);
        assertThat(newest.getVersion()).isEqualTo("2");
        Artifact first = repository.resolve(mrl, Map.of("version", "1"));
        Path version = ZooLayout.of(zoo).versionFolder("fmnist", "1");
        assertThat(repository.getResourceDirectory(first)).isEqualTo(version);
        assertThat(repository.getCacheDirectory()).isEqualTo(zoo.toAbsolutePath());
        Artifact.Item synset = first.getFiles().get("synset.txt");
        assertThat(repository.getFile(synset, "")).isEqualTo(version.resolve("synset.txt"));
        try (var in = repository.openStream(synset, "")) {
            assertThat(new String(in.readAllBytes())).startsWith("T-shirt/top\n");
        }
        assertThatThrownBy(() -> repository.getFile(synset, "../../../2/synset.txt"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("leads out of");
        assertThatThrownBy(() -> repository.addResource(mrl))
                .isInstanceOf(UnsupportedOperationException.class);

        ZooRepository elsewhere = new ZooRepository(folder.resolve("empty"));
        assertThat(elsewhere.getResources()).isEmpty();
        assertThat(elsewhere.locate(mrl)).isNull();
        assertThatThrownBy(() -> elsewhere.prepare(first, null))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessageContaining("model folder missing");
    }
}
