package org.djlnas.runtime.data.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.djlnas.api.data.DataSource;
import org.djlnas.api.data.Task;
import org.djlnas.api.settings.Settings;
import org.djlnas.testing.SklearnTables;
import org.djlnas.testing.SklearnTables.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The csv source on the real tables of python3-sklearn, with the task left to {@code auto}. */
class SklearnTableSourceTest {

    @TempDir Path dir;

    @BeforeAll
    static void requireTables() {
        SklearnTables.require();
    }

    private DataSource open(Table table) throws IOException {
        CsvProvider provider = new CsvProvider();
        return provider.open(
                Optional.of(SklearnTables.write(table, dir).toString()),
                Settings.resolve("csv", provider.options(), Map.of("target", table.target())));
    }

    @Test
    void breastCancerIsATwoClassTableOfThirtyNumbers() throws IOException {
        DataSource source = open(Table.BREAST_CANCER);
        assertThat(source.task())
                .isEqualTo(new Task.Classification(List.of("benign", "malignant")));
        assertThat(source.inputShape().get(0)).isEqualTo(30);
        assertThat(source.trainingSetSize()).isEqualTo(569 - 114);
        assertThat(source.test(32).size()).isEqualTo(114);
    }

    @Test
    void digitsAreTenClassesByNumericValue() throws IOException {
        DataSource source = open(Table.DIGITS);
        assertThat(source.classNames())
                .containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(source.inputShape().get(0)).isEqualTo(64);
    }

    @Test
    void diabetesIsARegressionStandardisedOnTheTrainingRows() throws IOException {
        DataSource source = open(Table.DIABETES);
        Task.Regression task = (Task.Regression) source.task();
        assertThat(task.target()).isEqualTo("progression");
        // all 442 targets: mean 152.1, std 77.0; the 354 training rows are close but not equal
        assertThat(task.mean()).isBetween(140.0, 165.0).isNotEqualTo(152.13348416289594);
        assertThat(task.scale()).isBetween(70.0, 85.0);
        assertThat(source.inputShape().get(0)).isEqualTo(10);
    }
}
