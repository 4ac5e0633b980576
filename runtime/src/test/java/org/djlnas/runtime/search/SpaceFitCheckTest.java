package org.djlnas.runtime.search;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.djlnas.api.data.Task;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.space.SearchSpaceProvider;
import org.djlnas.spaces.mlp.MlpProvider;
import org.djlnas.spaces.nasbench201.NasBench201Provider;
import org.junit.jupiter.api.Test;

/** A space whose networks do not fit a data set's examples or classes is refused, on shapes. */
class SpaceFitCheckTest {

    private static final Shape IMAGE = new Shape(1, 28, 28);

    private static final Shape TABLE = new Shape(5);

    @Test
    void acceptsImagesTheSpaceWasSetUpFor() {
        SearchSpace space =
                space(new NasBench201Provider(), "input-channels", "1", "classes", "10");

        assertThatCode(() -> SpaceFitCheck.check(space, "fashion-mnist", IMAGE, classes(10)))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesATableForAnImageSpaceNamingTheInputShape() {
        SearchSpace space = space(new NasBench201Provider(), "classes", "2");

        assertThatThrownBy(() -> SpaceFitCheck.check(space, "csv:houses.csv", TABLE, classes(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "space 'nas-bench-201' does not fit data set 'csv:houses.csv'")
                .hasMessageContaining("examples have shape (5)")
                .hasMessageContaining("input shape (1, 5) does not fit this network");
    }

    @Test
    void refusesImagesForATableSpace() {
        SearchSpace space = space(new MlpProvider(), "features", "5", "classes", "10");

        assertThatThrownBy(() -> SpaceFitCheck.check(space, "fashion-mnist", IMAGE, classes(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("space 'mlp' does not fit data set 'fashion-mnist'")
                .hasMessageContaining("(1, 28, 28)");
    }

    @Test
    void refusesAnotherNumberOfClassesNamingBothCounts() {
        SearchSpace space = space(new NasBench201Provider(), "input-channels", "1", "classes", "3");

        assertThatThrownBy(() -> SpaceFitCheck.check(space, "fashion-mnist", IMAGE, classes(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "space 'nas-bench-201' gives 3 outputs per example, but data set"
                                + " 'fashion-mnist' has 10 classes; set the space's classes"
                                + " setting to 10 or leave it unset");
    }

    @Test
    void refusesClassesForARegression() {
        SearchSpace space = space(new MlpProvider(), "features", "5", "classes", "2");
        Task regression = new Task.Regression("price", 0, 1);

        assertThatThrownBy(() -> SpaceFitCheck.check(space, "csv:houses.csv", TABLE, regression))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("space 'mlp' gives 2 outputs per example")
                .hasMessageContaining("'csv:houses.csv' is a regression, with 1 output");
    }

    @Test
    void acceptsARegressionWithOneOutput() {
        SearchSpace space = space(new MlpProvider(), "features", "5", "classes", "1");
        Task regression = new Task.Regression("price", 0, 1);

        assertThatCode(() -> SpaceFitCheck.check(space, "csv:houses.csv", TABLE, regression))
                .doesNotThrowAnyException();
    }

    private static Task classes(int count) {
        List<String> names = IntStream.range(0, count).mapToObj(i -> "c" + i).toList();
        return new Task.Classification(names);
    }

    private static SearchSpace space(SearchSpaceProvider provider, String... settings) {
        Map<String, String> given =
                IntStream.range(0, settings.length / 2)
                        .boxed()
                        .collect(
                                java.util.stream.Collectors.toMap(
                                        i -> settings[2 * i], i -> settings[2 * i + 1]));
        return provider.create(
                Settings.resolve("space '" + provider.id() + "'", provider.settings(), given),
                OpRegistry.discover());
    }
}
