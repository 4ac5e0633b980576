package org.djlnas.runtime.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.djlnas.api.data.DataSource;
import org.djlnas.api.data.DataSourceProvider;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.settings.Settings;
import org.djlnas.runtime.data.FashionMnistProvider;
import org.djlnas.runtime.data.FashionMnistSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSetsTest {

    /** A kind that needs a location and takes one option, to see what reaches it. */
    private static final class Table implements DataSourceProvider {
        Optional<String> location;
        Settings options;

        @Override
        public String id() {
            return "table";
        }

        @Override
        public String description() {
            return "a table";
        }

        @Override
        public List<SettingSpec> options() {
            return List.of(SettingSpec.string("target", "", "the column to predict"));
        }

        @Override
        public DataSource open(Optional<String> location, Settings options) {
            this.location = location;
            this.options = options;
            return new FashionMnistSource(Path.of("/unused"));
        }
    }

    private final Table table = new Table();
    private final Map<String, DataSourceProvider> kinds =
            Map.of("fashion-mnist", new FashionMnistProvider(), "table", table);

    @Test
    void aKindAloneMeansItsDefaultPlace() {
        DataSource data = DataSets.open(kinds, "fashion-mnist", Map.of());
        assertThat(data).isInstanceOf(FashionMnistSource.class);
    }

    @Test
    void fashionMnistWithAFolderReadsThatFolder() {
        FashionMnistSource data =
                (FashionMnistSource) DataSets.open(kinds, "fashion-mnist:/some/idx", Map.of());
        assertThat(data.directory()).isEqualTo(Path.of("/some/idx"));
    }

    @Test
    void theLocationAndTheOptionsReachTheKind() {
        DataSets.open(kinds, "table:/data/a:b.csv", Map.of("target", "price"));
        assertThat(table.location).contains("/data/a:b.csv");
        assertThat(table.options.getString("target")).isEqualTo("price");
    }

    @Test
    void aBarePathIsNoKindAndAFolderIsShownAsFashionMnist(@TempDir Path folder) {
        assertThatThrownBy(() -> DataSets.open(kinds, folder.toString(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "`dataset` is "
                                + folder
                                + "; expected KIND or KIND:LOCATION, known kinds: fashion-mnist,"
                                + " table (for a folder of Fashion-MNIST IDX files: fashion-mnist:"
                                + folder
                                + ")");
        assertThatThrownBy(() -> DataSets.open(kinds, "imagenet-21k", Map.of()))
                .hasMessage(
                        "`dataset` is imagenet-21k; expected KIND or KIND:LOCATION, known kinds:"
                                + " fashion-mnist, table");
    }

    @Test
    void anUnknownKindIsNamed() {
        assertThatThrownBy(() -> DataSets.open(kinds, "parquet:/x.parquet", Map.of()))
                .hasMessage(
                        "`dataset` is parquet:/x.parquet; unknown kind 'parquet', known kinds:"
                                + " fashion-mnist, table");
    }

    @Test
    void aKindThatNeedsALocationSaysSo() {
        assertThatThrownBy(() -> DataSets.open(kinds, "table", Map.of()))
                .hasMessage(
                        "`dataset` is table; data sets of kind 'table' need a location:"
                                + " table:LOCATION");
        assertThatThrownBy(() -> DataSets.open(kinds, "table:", Map.of()))
                .hasMessage("`dataset` is table:; expected a location after 'table:'");
    }

    @Test
    void anUnknownOptionIsNamedWithTheValidOnes() {
        assertThatThrownBy(() -> DataSets.open(kinds, "table:/x.csv", Map.of("taget", "price")))
                .hasMessage(
                        "`dataOptions` has unknown option 'taget' for data sets of kind 'table';"
                                + " valid options: target");
        assertThatThrownBy(() -> DataSets.open(kinds, "fashion-mnist", Map.of("size", "32")))
                .hasMessage(
                        "`dataOptions` has unknown option 'size' for data sets of kind"
                                + " 'fashion-mnist'; valid options: none");
    }
}
