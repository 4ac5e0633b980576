package org.djlnas.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZooCatalogTest {

    @TempDir Path folder;

    private void publish(Path zoo, String name, String version) throws Exception {
        new ZooPublisher(zoo)
                .publish(
                        TestNetworks.publication(
                                name,
                                version,
                                TestNetworks.someArchitecture(),
                                TestNetworks.fakeWeights(folder.resolve(name + version), name)),
                        false);
    }

    @Test
    void everyVersionIsListedWithItsProvenance() throws Exception {
        Path zoo = folder.resolve("zoo");
        publish(zoo, "b-model", "1");
        publish(zoo, "a-model", "1");
        publish(zoo, "a-model", "2");

        ZooListing listing = new ZooCatalog(zoo).list();

        assertThat(listing.problems()).isEmpty();
        assertThat(listing.models())
                .extracting(m -> m.name() + ":" + m.version())
                .containsExactly("a-model:2", "a-model:1", "b-model:1");
        PublishedModel model = listing.models().get(0);
        assertThat(model.validationAccuracy()).hasValue(0.81);
        assertThat(model.testAccuracy()).hasValue(0.8);
        assertThat(model.parameters()).isEqualTo(1234);
        assertThat(model.architectureId()).isEqualTo(TestNetworks.someArchitecture().id());
        assertThat(model.provenance().summary())
                .startsWith("nas-bench-201 by regularized-evolution");
        assertThat(model.folder()).isEqualTo(ZooLayout.of(zoo).versionFolder("a-model", "2"));
    }

    @Test
    void aDamagedVersionIsAProblemThatHidesNoOther() throws Exception {
        Path zoo = folder.resolve("zoo");
        publish(zoo, "a-model", "1");
        publish(zoo, "a-model", "2");
        Path provenance =
                ZooLayout.of(zoo).versionFolder("a-model", "1").resolve("provenance.json");
        Files.writeString(provenance, "{}");

        ZooListing listing = new ZooCatalog(zoo).list();

        assertThat(listing.models()).extracting(PublishedModel::version).containsExactly("2");
        assertThat(listing.problems())
                .singleElement()
                .asString()
                .contains(provenance.toString())
                .contains("field 'formatVersion' is missing");
    }

    @Test
    void aMissingZooIsEmpty() throws Exception {
        ZooListing listing = new ZooCatalog(folder.resolve("nothing")).list();
        assertThat(listing.models()).isEmpty();
        assertThat(listing.problems()).isEmpty();
    }
}
