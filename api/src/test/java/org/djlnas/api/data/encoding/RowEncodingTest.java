package org.djlnas.api.data.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowEncodingTest {

    private final RowEncoding encoding =
            new RowEncoding(
                    List.of(
                            new RowEncoding.Numeric("age", 40, 10),
                            new RowEncoding.Categorical("colour", List.of("blue", "red")),
                            new RowEncoding.Categorical("rooms", List.of("2", "3"))),
                    false);

    @Test
    void standardisesNumbersAndOneHotsCategories() {
        assertThat(encoding.featureNames())
                .containsExactly("age", "colour=blue", "colour=red", "rooms=2", "rooms=3");
        assertThat(encoding.encode(Map.of("age", "45", "colour", "red", "rooms", 3, "id", "x")))
                .containsExactly(0.5f, 0f, 1f, 0f, 1f);
        assertThat(encoding.encode(Map.of("age", 20.0, "colour", "green", "rooms", 3.0)))
                .as("an unseen category is all zeros; 3.0 is the category 3")
                .containsExactly(-2f, 0f, 0f, 0f, 1f);
    }

    @Test
    void refusesMissingValuesAndTextInNumbersNamingTheColumn() {
        assertThatThrownBy(() -> encoding.encode(Map.of("colour", "red", "rooms", "2")))
                .hasMessage(
                        "column 'age' has a missing value; expected a value (or missing values"
                                + " imputed: impute=mean)");
        assertThatThrownBy(() -> encoding.encode(Map.of("age", "1e", "colour", "red", "rooms", 2)))
                .hasMessage("column 'age' holds '1e'; expected a number (the column is numeric)");
        assertThat(RowEncoding.parseNumber("Infinity")).isEmpty();
        assertThat(RowEncoding.parseNumber(" -1.5e3 ")).hasValue(-1500);
        assertThat(RowEncoding.isMissing(" na ")).isTrue();
        assertThat(RowEncoding.isMissing(Double.NaN)).isTrue();
        assertThat(RowEncoding.isMissing("0")).isFalse();
    }

    @Test
    void roundTripsThroughJsonAndRefusesMalformedJson() {
        RowEncoding read = RowEncoding.fromJson(encoding.toJson());
        assertThat(read.columns()).isEqualTo(encoding.columns());
        assertThat(read.imputes()).isFalse();
        assertThatThrownBy(
                        () ->
                                RowEncoding.fromJson(
                                        Map.of(
                                                "impute",
                                                true,
                                                "columns",
                                                List.of(Map.of("name", "a", "kind", "date")))))
                .hasMessageContaining(
                        "column 'a' has kind 'date'; expected numeric or categorical");
        assertThatThrownBy(() -> RowEncoding.fromJson(Map.of("columns", List.of())))
                .hasMessageContaining("field 'impute' is null; expected a boolean");
        assertThatThrownBy(() -> new RowEncoding.Numeric("n", 1, 0))
                .hasMessageContaining("expected a finite mean and a positive std");
    }
}
