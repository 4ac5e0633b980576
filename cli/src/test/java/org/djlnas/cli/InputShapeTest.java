package org.djlnas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class InputShapeTest {

    private final InputShape.Converter converter = new InputShape.Converter();

    @Test
    void parsesChannelsHeightWidth() {
        InputShape shape = converter.convert("3, 32,28");

        assertThat(shape).isEqualTo(new InputShape(3, 32, 28));
        assertThat(shape.batchOfOne()).isEqualTo(new Shape(1, 3, 32, 28));
        assertThat(shape).hasToString("3,32,28");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "3", "3,32", "3,32,32,1", "3,x,32", "0,32,32", "3,-1,32", "3,,32"})
    void rejectsAnythingElse(String text) {
        assertThatThrownBy(() -> converter.convert(text))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("expected C,H,W");
    }
}
