package org.djlnas.runtime.data.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.training.dataset.Dataset;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.djlnas.api.data.DataInput;
import org.djlnas.runtime.data.FashionMnist;
import org.djlnas.runtime.data.LabelledImages;
import org.djlnas.testing.DataRequirements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fashion-MNIST written as PNG files comes back from an image folder byte for byte. */
class FashionMnistImageFolderTest {

    private static LabelledImages train;

    @TempDir Path dir;

    @BeforeAll
    static void readFashionMnist() throws IOException {
        DataRequirements.requireFashionMnist(FashionMnist.DEFAULT_DIRECTORY);
        train = FashionMnist.load(FashionMnist.DEFAULT_DIRECTORY, Dataset.Usage.TRAIN);
    }

    @Test
    void writtenImagesAreReadBackUnchangedWithTheirClasses() {
        int count = 2000;
        ImageFolders.fashionMnist(dir, train, 0, count);
        FolderListing.Listing listing = listing(dir);
        List<String> sorted =
                IntStream.range(0, 10).mapToObj(ImageFolders::folderName).sorted().toList();
        assertThat(listing.classes()).isEqualTo(sorted);
        DecodedImages decoded = DecodedImages.decode(listing.files(), listing.labels(), null, null);
        assertThat(decoded.channels()).isEqualTo(1);
        assertThat(decoded.size()).isEqualTo(count);
        for (int i = 0; i < count; i++) {
            String name = listing.files().get(i).getFileName().toString();
            int example = Integer.parseInt(name.substring(0, name.indexOf('.')));
            assertThat(listing.classes().get(decoded.labels()[i]))
                    .isEqualTo(ImageFolders.folderName(train.label(example)));
            for (int p = 0; p < 28 * 28; p++) {
                assertThat(decoded.pixels()[i * 784 + p] & 0xff)
                        .isEqualTo(train.images().pixel(example, p / 28, p % 28));
            }
        }
    }

    @Test
    void theSourcesStatisticsAreFashionMnistsOnTheSameImages() {
        ImageFolders.fashionMnist(dir, train, 0, 3000);
        ImageFolderSource source = ImageFolderSourceTest.open(dir, Map.of("test-fraction", "0.1"));
        assertThat(source.input()).isEqualTo(new DataInput.Image(1, 28, 28));
        assertThat(source.classNames()).hasSize(10);
        assertThat(source.trainingSetSize()).isEqualTo(2700);
        // the constants are the whole training set's; 2,700 images give them to about 1%
        assertThat(source.normalization().mean()[0]).isCloseTo(FashionMnist.MEAN, within(0.005f));
        assertThat(source.normalization().std()[0]).isCloseTo(FashionMnist.STD, within(0.005f));
    }

    private static FolderListing.Listing listing(Path root) {
        try {
            return FolderListing.list(root);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
