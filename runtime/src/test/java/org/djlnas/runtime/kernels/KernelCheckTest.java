package org.djlnas.runtime.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.djlnas.api.engine.Scalars;
import org.djlnas.runtime.search.Plugins;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KernelCheckTest {

    private static Plugins plugins;

    @BeforeAll
    static void discover() {
        plugins = Plugins.discover();
    }

    @Test
    void everyCaseIsWellWithinItsBoundOnThisEngine() {
        KernelCheckReport report = new KernelCheck(KernelCheckConfig.defaults(), plugins).run();

        report.cases()
                .forEach(
                        c ->
                                System.out.printf(
                                        Locale.ROOT,
                                        "%-11s %-70s %.3e%n",
                                        c.group(),
                                        c.name(),
                                        c.worstRelativeError()));
        assertThat(report.engine()).isEqualTo("PyTorch");
        assertThat(report.cases())
                .extracting(KernelCaseResult::group)
                .contains("convolution", "pooling", "batch-norm", "network", "training");
        assertThat(report.passed()).as(report.toString()).isTrue();
        assertThat(report.firstFailure()).isEmpty();
        // Rounding alone: ten times below the bounds, so the bounds are not tuned to this machine.
        assertThat(report.cases())
                .allSatisfy(
                        c ->
                                assertThat(c.worstRelativeError())
                                        .as(c.name())
                                        .isLessThan(c.tolerance() / 10));
    }

    @Test
    void aGradientWrongByOnePartInAThousandFailsTheOperatorsButNotTheNetworks() {
        KernelCheckReport report = check(a -> a.mul(Scalars.like(a, 1.001f)));

        assertThat(report.passed()).isFalse();
        assertThat(report.cases())
                .filteredOn(c -> c.tolerance() == KernelCheckConfig.DEFAULT_TOLERANCE)
                .allSatisfy(c -> assertThat(c.passed()).as(c.name()).isFalse())
                .allSatisfy(c -> assertThat(c.worstRelativeError()).isBetween(9e-4, 1.1e-3));
        assertThat(report.cases())
                .filteredOn(c -> c.group().equals("network") || c.group().equals("training"))
                .allSatisfy(c -> assertThat(c.passed()).as(c.name()).isTrue());
        assertThat(report.firstFailure())
                .get()
                .extracting(KernelCaseResult::group)
                .isEqualTo("convolution");
    }

    @Test
    void oneNotANumberFailsEveryCase() {
        KernelCheckReport report =
                check(
                        a -> {
                            NDArray flat = a.reshape(-1).duplicate();
                            flat.set(new NDIndex("0"), Float.NaN);
                            return flat.reshape(a.getShape());
                        });

        assertThat(report.cases())
                .allSatisfy(c -> assertThat(c.worstRelativeError()).isInfinite())
                .noneMatch(KernelCaseResult::passed);
    }

    @Test
    void aRoundingSizedDifferenceIsNotAFailure() {
        KernelCheckReport report =
                check(
                        a ->
                                a.toType(DataType.FLOAT64, false)
                                        .mul(
                                                Scalars.like(
                                                        a.toType(DataType.FLOAT64, false),
                                                        1 + 1e-6f))
                                        .toType(DataType.FLOAT32, false));

        assertThat(report.passed()).as(report.toString()).isTrue();
    }

    @Test
    void aBadFieldIsNamed() {
        assertThatThrownBy(() -> new KernelCheckConfig("PyTorch", 1, 0, 5e-2, 6))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("`tolerance` is 0.0; expected a number between 0 and 1");
        assertThatThrownBy(() -> new KernelCheckConfig("PyTorch", 1, 1e-4, 5e-2, 0))
                .hasMessage("`trainingSteps` is 0; expected at least 1");
        assertThatThrownBy(
                        () ->
                                new KernelCheck(
                                                new KernelCheckConfig("Nope", 1, 1e-4, 5e-2, 6),
                                                plugins)
                                        .run())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("`engine` is Nope; expected one of ");
    }

    private static KernelCheckReport check(UnaryOperator<NDArray> singleResults) {
        return new KernelCheck(KernelCheckConfig.defaults(), plugins, singleResults).run();
    }
}
