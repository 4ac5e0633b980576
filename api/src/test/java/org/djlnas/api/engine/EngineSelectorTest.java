package org.djlnas.api.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.djlnas.api.supernet.MixingForm;
import org.junit.jupiter.api.Test;

/** Choosing an engine by name, property and fallback, without loading any engine. */
class EngineSelectorTest {

    private static final EngineSupport TRAINER =
            support("PyTorch", EnumSet.of(EngineCapability.FORWARD, EngineCapability.TRAIN));
    private static final EngineSupport SECOND_TRAINER =
            support("MXNet", EnumSet.of(EngineCapability.FORWARD, EngineCapability.TRAIN));
    private static final EngineSupport EXPORTER =
            support("TensorFlow", EnumSet.of(EngineCapability.EXPORT));

    private final Map<String, String> environment = new HashMap<>();

    private EngineSelector selector(EngineSupport... supports) {
        return new EngineSelector(List.of(supports), environment::get);
    }

    @Test
    void anEngineNamedOnTheCommandLineWinsOverEveryProperty() {
        environment.put(EngineSelector.ENGINE_PROPERTY, "MXNet");
        environment.put("DJL_DEFAULT_ENGINE", "MXNet");
        assertThat(selector(TRAINER, SECOND_TRAINER).resolveName(Optional.of("pytorch")))
                .isEqualTo("PyTorch");
    }

    @Test
    void ourPropertyComesBeforeDjlsPropertyWhichComesBeforeDjlsVariable() {
        EngineSelector selector = selector(TRAINER, SECOND_TRAINER, EXPORTER);
        environment.put("DJL_DEFAULT_ENGINE", "TensorFlow");
        assertThat(selector.resolveName(Optional.empty())).isEqualTo("TensorFlow");
        environment.put("ai.djl.default_engine", "PyTorch");
        assertThat(selector.resolveName(Optional.empty())).isEqualTo("PyTorch");
        environment.put(EngineSelector.ENGINE_PROPERTY, "mxnet");
        assertThat(selector.resolveName(Optional.empty())).isEqualTo("MXNet");
    }

    @Test
    void theSingleEnginePresentIsUsedWhenNoneIsNamed() {
        assertThat(selector(SECOND_TRAINER).resolveName(Optional.empty())).isEqualTo("MXNet");
    }

    @Test
    void severalEnginesAndNoNameIsAnErrorUnlessTheApplicationChoseAFallback() {
        EngineSelector selector = selector(SECOND_TRAINER, TRAINER);
        assertThatThrownBy(() -> selector.resolveName(Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("several engines are available [MXNet, PyTorch]")
                .hasMessageContaining("`engine`");
        assertThat(selector.withFallback("PyTorch").resolveName(Optional.empty()))
                .isEqualTo("PyTorch");
        assertThatThrownBy(() -> selector.withFallback("TensorFlow").resolveName(Optional.empty()))
                .as("a fallback that is not present is ignored")
                .hasMessageContaining("several engines");
    }

    @Test
    void anEngineNotOnTheClassPathIsAnErrorListingThoseThatAre() {
        assertThatThrownBy(
                        () -> selector(TRAINER, EXPORTER).resolveName(Optional.of("OnnxRuntime")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "engine 'OnnxRuntime' is not available; available engines: PyTorch,"
                                + " TensorFlow");
    }

    @Test
    void askingAnEngineForWhatItCannotDoNamesTheEnginesThatCan() {
        EngineSelector selector = selector(TRAINER, SECOND_TRAINER, EXPORTER);
        assertThatThrownBy(() -> selector.select(Optional.of("TensorFlow"), EngineCapability.TRAIN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("engine TensorFlow cannot train; engines that can: PyTorch, MXNet");
        assertThatThrownBy(() -> selector.exporter("PyTorch"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("engine PyTorch cannot export; engines that can: TensorFlow");
    }

    @Test
    void capabilitiesAreReadWithoutLoadingTheEngine() {
        assertThat(selector(TRAINER, EXPORTER).capabilities("tensorflow"))
                .containsExactly(EngineCapability.EXPORT);
    }

    @Test
    void batchNormRecalibrationTakesABackwardPassWhereTheEngineSaysOrNobodyKnows() {
        EngineSupport backwardStatistics =
                declaring("MXNet", MixingForm.LOOPED, ImageMemoryFormat.CONTIGUOUS, true);
        EngineSelector selector = selector(TRAINER, backwardStatistics);
        assertThat(selector.updatesRunningStatisticsInBackward("pytorch")).isFalse();
        assertThat(selector.updatesRunningStatisticsInBackward("MXNet")).isTrue();
        assertThat(selector.updatesRunningStatisticsInBackward("OnnxRuntime")).isTrue();
    }

    @Test
    void mixedOperationsTakeTheFormTheEngineDeclaresUnlessThePropertyChoosesOne() {
        EngineSupport stacking =
                declaring("MXNet", MixingForm.STACKED, ImageMemoryFormat.CONTIGUOUS, false);
        EngineSelector selector = selector(TRAINER, stacking);
        assertThat(selector.mixingForm("pytorch")).isEqualTo(MixingForm.LOOPED);
        assertThat(selector.mixingForm("mxnet")).isEqualTo(MixingForm.STACKED);
        assertThat(selector.mixingForm("OnnxRuntime")).isEqualTo(MixingForm.LOOPED);
        environment.put(EngineSelector.MIXING_FORM_PROPERTY, "looped");
        assertThat(selector.mixingForm("MXNet")).isEqualTo(MixingForm.LOOPED);
        environment.put(EngineSelector.MIXING_FORM_PROPERTY, "Stacked");
        assertThat(selector.mixingForm("PyTorch")).isEqualTo(MixingForm.STACKED);
        environment.put(EngineSelector.MIXING_FORM_PROPERTY, "matrix-product");
        assertThat(selector.mixingForm("MXNet")).isEqualTo(MixingForm.MATRIX_PRODUCT);
        environment.put(EngineSelector.MIXING_FORM_PROPERTY, "fused");
        assertThatThrownBy(() -> selector.mixingForm("PyTorch"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "nas.mixing-form is 'fused'; expected looped, stacked or matrix-product");
    }

    @Test
    void imageBatchesTakeTheFormatTheEngineDeclaresUnlessThePropertyChoosesOne() {
        EngineSupport channelsLast =
                declaring("PyTorch", MixingForm.LOOPED, ImageMemoryFormat.CHANNELS_LAST, false);
        EngineSelector selector =
                selector(channelsLast, support("MXNet", EnumSet.of(EngineCapability.TRAIN)));
        assertThat(selector.imageMemoryFormat("pytorch"))
                .isEqualTo(ImageMemoryFormat.CHANNELS_LAST);
        assertThat(selector.imageMemoryFormat("MXNet")).isEqualTo(ImageMemoryFormat.CONTIGUOUS);
        assertThat(selector.imageMemoryFormat("OnnxRuntime"))
                .isEqualTo(ImageMemoryFormat.CONTIGUOUS);
        environment.put(EngineSelector.IMAGE_MEMORY_FORMAT_PROPERTY, "contiguous");
        assertThat(selector.imageMemoryFormat("PyTorch")).isEqualTo(ImageMemoryFormat.CONTIGUOUS);
        environment.put(EngineSelector.IMAGE_MEMORY_FORMAT_PROPERTY, " Channels-Last ");
        assertThat(selector.imageMemoryFormat("MXNet")).isEqualTo(ImageMemoryFormat.CHANNELS_LAST);
        environment.put(EngineSelector.IMAGE_MEMORY_FORMAT_PROPERTY, "nhwc");
        assertThatThrownBy(() -> selector.imageMemoryFormat("PyTorch"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "nas.image-memory-format is 'nhwc'; expected contiguous or channels-last");
    }

    private static EngineSupport support(String name, Set<EngineCapability> capabilities) {
        return new EngineSupport() {
            @Override
            public String engineName() {
                return name;
            }

            @Override
            public Set<EngineCapability> capabilities() {
                return capabilities;
            }

            @Override
            public void configureDefaults() {
                throw new AssertionError("the engine must not be loaded");
            }
        };
    }

    /**
     * An engine that trains and declares a mixing form, an image memory format and where it updates
     * batch normalisation's statistics.
     */
    private static EngineSupport declaring(
            String name,
            MixingForm mixingForm,
            ImageMemoryFormat imageMemoryFormat,
            boolean updatesRunningStatisticsInBackward) {
        return new EngineSupport() {
            @Override
            public String engineName() {
                return name;
            }

            @Override
            public Set<EngineCapability> capabilities() {
                return EnumSet.of(EngineCapability.TRAIN);
            }

            @Override
            public void configureDefaults() {
                throw new AssertionError("the engine must not be loaded");
            }

            @Override
            public MixingForm mixingForm() {
                return mixingForm;
            }

            @Override
            public ImageMemoryFormat imageMemoryFormat() {
                return imageMemoryFormat;
            }

            @Override
            public boolean updatesRunningStatisticsInBackward() {
                return updatesRunningStatisticsInBackward;
            }
        };
    }
}
