package org.djlnas.api.arch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArchitectureTest {

    private static final String SMALL_JSON =
            "{\"cell/node1/from0\":\"conv_3x3\",\"depth\":3,\"lr\":0.5}";

    /** The first 16 hex digits of SHA-256 of {@link #SMALL_JSON}, computed once with sha256sum. */
    private static final String SMALL_ID = "924caf725048bac8";

    private static Architecture small() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("lr", 0.5);
        values.put("depth", 3);
        values.put("cell/node1/from0", "conv_3x3");
        return Architecture.of(values);
    }

    private static String sha256Prefix(String text) throws Exception {
        byte[] digest =
                MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest).substring(0, 16);
    }

    @Test
    void canonicalJsonHasSortedKeysAndNoWhiteSpace() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("z", "last");
        values.put("b/inputs", List.of(0, 2));
        values.put("a", 7);
        values.put("m", true);
        values.put("c", 0.25);
        assertThat(Architecture.of(values).toJson())
                .isEqualTo("{\"a\":7,\"b/inputs\":[0,2],\"c\":0.25,\"m\":true,\"z\":\"last\"}");
    }

    @Test
    void fromJsonCanonicalisesWhiteSpaceAndKeyOrder() {
        Architecture parsed =
                Architecture.fromJson(
                        "{\n"
                                + "  \"lr\" : 0.5,\n"
                                + "  \"depth\" : 3 ,\"cell/node1/from0\": \"conv_3x3\" }");
        assertThat(parsed.toJson()).isEqualTo(SMALL_JSON);
        assertThat(parsed).isEqualTo(small());
    }

    @Test
    void jsonRoundTripsAndEquals() {
        Map<String, Object> values = new HashMap<>();
        values.put("op", "sep_conv_3x3");
        values.put("neg", -12);
        values.put("big", Long.MAX_VALUE);
        values.put("lr", 1.0e-4);
        values.put("whole", 3.0);
        values.put("flag", false);
        values.put("node/inputs", List.of(1, 4));
        values.put("empty", List.of());
        Architecture original = Architecture.of(values);

        Architecture copy = Architecture.fromJson(original.toJson());

        assertThat(copy).isEqualTo(original);
        assertThat(copy.hashCode()).isEqualTo(original.hashCode());
        assertThat(copy.toJson()).isEqualTo(original.toJson());
        assertThat(copy.id()).isEqualTo(original.id());
        assertThat(copy.values().get("whole")).isEqualTo(3.0);
        assertThat(copy.values().get("big")).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void integersCanonicaliseToLongAndFloatsToDouble() {
        Map<String, Object> values = new HashMap<>();
        values.put("int", 3);
        values.put("short", (short) 4);
        values.put("long", 5L);
        values.put("float", 0.5f);
        values.put("double", 0.75);
        values.put("list", List.of(2, 0));
        Architecture arch = Architecture.of(values);

        assertThat(arch.values().get("int")).isInstanceOf(Long.class).isEqualTo(3L);
        assertThat(arch.values().get("short")).isInstanceOf(Long.class).isEqualTo(4L);
        assertThat(arch.values().get("long")).isInstanceOf(Long.class).isEqualTo(5L);
        assertThat(arch.values().get("float")).isInstanceOf(Double.class).isEqualTo(0.5);
        assertThat(arch.values().get("double")).isInstanceOf(Double.class).isEqualTo(0.75);
        assertThat(arch.values().get("list")).isEqualTo(List.of(2L, 0L));
        assertThat((List<?>) arch.values().get("list")).allMatch(Long.class::isInstance);
        assertThat(Architecture.of(Map.of("x", 3))).isEqualTo(Architecture.of(Map.of("x", 3L)));
    }

    @Test
    void integerAndFloatingPointValuesStayDistinct() {
        Architecture integer = Architecture.of(Map.of("x", 3));
        Architecture floating = Architecture.of(Map.of("x", 3.0));

        assertThat(integer).isNotEqualTo(floating);
        assertThat(integer.toJson()).isEqualTo("{\"x\":3}");
        assertThat(floating.toJson()).isEqualTo("{\"x\":3.0}");
        assertThat(Architecture.fromJson("{\"x\":3.0}")).isEqualTo(floating);
        assertThat(Architecture.fromJson("{\"x\":3}")).isEqualTo(integer);
    }

    @Test
    void idIsTheSha256PrefixOfTheCanonicalJson() throws Exception {
        Architecture arch = small();
        assertThat(arch.toJson()).isEqualTo(SMALL_JSON);
        assertThat(arch.id()).isEqualTo(SMALL_ID);
        assertThat(arch.id()).isEqualTo(sha256Prefix(SMALL_JSON));
        assertThat(arch.id()).matches("[0-9a-f]{16}");
    }

    @Test
    void equalArchitecturesHaveEqualIds() {
        Architecture fromCode = small();
        Architecture fromLongs =
                Architecture.of(Map.of("cell/node1/from0", "conv_3x3", "depth", 3L, "lr", 0.5f));
        Architecture fromJson =
                Architecture.fromJson(
                        "{ \"depth\": 3, \"lr\": 5e-1, \"cell/node1/from0\": \"conv_3x3\" }");

        assertThat(fromLongs).isEqualTo(fromCode);
        assertThat(fromJson).isEqualTo(fromCode);
        assertThat(fromLongs.id()).isEqualTo(SMALL_ID);
        assertThat(fromJson.id()).isEqualTo(SMALL_ID);
    }

    @Test
    void differentArchitecturesHaveDifferentIds() {
        Architecture base = small();
        List<Architecture> others =
                List.of(
                        base.with("depth", 4),
                        base.with("lr", 0.25),
                        base.with("cell/node1/from0", "conv_1x1"),
                        base.with("extra", "x"),
                        Architecture.of(Map.of("depth", 3)),
                        Architecture.of(Map.of()));
        List<String> ids = new ArrayList<>();
        ids.add(base.id());
        others.forEach(other -> ids.add(other.id()));
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void withReturnsACopyAndLeavesTheOriginalUnchanged() {
        Architecture base = small();
        Architecture changed = base.with("depth", 5);
        assertThat(changed.getLong("depth")).isEqualTo(5L);
        assertThat(base.getLong("depth")).isEqualTo(3L);
        assertThat(base.toJson()).isEqualTo(SMALL_JSON);
    }

    @Test
    void isImmutable() {
        Map<String, Object> source = new HashMap<>();
        source.put("a", "x");
        Architecture arch = Architecture.of(source);
        source.put("a", "y");
        source.put("b", 1);

        assertThat(arch.values()).containsExactly(Map.entry("a", "x"));
        assertThatThrownBy(() -> arch.values().put("c", 1))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void typedGettersReturnValuesAndRejectOtherTypes() {
        Architecture arch =
                Architecture.of(Map.of("op", "conv", "depth", 2, "lr", 0.1, "in", List.of(3, 1)));
        assertThat(arch.getString("op")).isEqualTo("conv");
        assertThat(arch.getLong("depth")).isEqualTo(2L);
        assertThat(arch.getDouble("lr")).isEqualTo(0.1);
        assertThat(arch.getDouble("depth")).isEqualTo(2.0);
        assertThat(arch.getIndices("in")).containsExactly(3, 1);

        InvalidArchitectureException wrongType = invalid(() -> arch.getLong("op"));
        assertThat(wrongType.label()).contains("op");
        assertThat(wrongType).hasMessageContaining("an integer was expected");

        InvalidArchitectureException missing = invalid(() -> arch.get("nope"));
        assertThat(missing.label()).contains("nope");
        assertThat(missing).hasMessageContaining("missing");
    }

    @Test
    void malformedJsonIsRejected() {
        InvalidArchitectureException e = invalid(() -> Architecture.fromJson("{\"a\": "));
        assertThat(e.label()).isEmpty();
        assertThat(e).hasMessageContaining("malformed").hasMessageContaining("expected an object");
        assertThat(e.getCause()).isNotNull();
    }

    @Test
    void trailingGarbageAfterTheObjectIsRejected() {
        InvalidArchitectureException e =
                invalid(() -> Architecture.fromJson("{\"a\":1} {\"b\":2}"));
        assertThat(e).hasMessageContaining("expected an object");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n"})
    void emptyJsonIsRejected(String json) {
        InvalidArchitectureException e = invalid(() -> Architecture.fromJson(json));
        assertThat(e.label()).isEmpty();
        assertThat(e).hasMessageContaining("empty").hasMessageContaining("expected an object");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1, 2]", "\"conv\"", "42", "null", "true"})
    void nonObjectJsonIsRejected(String json) {
        InvalidArchitectureException e = invalid(() -> Architecture.fromJson(json));
        assertThat(e.label()).isEmpty();
        assertThat(e).hasMessageContaining("expected an object mapping each label to its value");
    }

    @Test
    void nonObjectJsonNamesWhatItGot() {
        assertThat(invalid(() -> Architecture.fromJson("[1,2]")))
                .message()
                .containsIgnoringCase("array");
        assertThat(invalid(() -> Architecture.fromJson("\"conv\"")))
                .message()
                .containsIgnoringCase("string");
    }

    @Test
    void nestedObjectValueIsRejectedNamingTheLabel() {
        InvalidArchitectureException e =
                invalid(() -> Architecture.fromJson("{\"ok\":1,\"cell/op\":{\"x\":1}}"));
        assertThat(e.label()).contains("cell/op");
        assertThat(e)
                .hasMessageContaining("'cell/op'")
                .hasMessageContaining("object")
                .hasMessageContaining(
                        "expected a string, a number, a boolean or a list of integer indices");
    }

    @Test
    void nullJsonValueIsRejectedNamingTheLabel() {
        InvalidArchitectureException e = invalid(() -> Architecture.fromJson("{\"depth\":null}"));
        assertThat(e.label()).contains("depth");
        assertThat(e)
                .hasMessageContaining("null")
                .hasMessageContaining(
                        "expected a string, a number, a boolean or a list of integer indices");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[\"a\"]", "[0, 1.5]", "[null]", "[[0]]"})
    void listsOfNonIntegersAreRejectedNamingTheLabel(String list) {
        InvalidArchitectureException e =
                invalid(() -> Architecture.fromJson("{\"n/inputs\":" + list + "}"));
        assertThat(e.label()).contains("n/inputs");
        assertThat(e).hasMessageContaining("expected a list of integer indices");
    }

    @Test
    void nullValueFromCodeIsRejectedNamingTheLabel() {
        Map<String, Object> values = new HashMap<>();
        values.put("op", null);
        InvalidArchitectureException e = invalid(() -> Architecture.of(values));
        assertThat(e.label()).contains("op");
        assertThat(e).hasMessageContaining("null").hasMessageContaining("expected a string");
    }

    @Test
    void unsupportedValueTypesAndNonFiniteNumbersAreRejected() {
        InvalidArchitectureException object =
                invalid(() -> Architecture.of(Map.of("x", new Object())));
        assertThat(object.label()).contains("x");
        assertThat(object).hasMessageContaining("expected a string, a number");

        InvalidArchitectureException nan = invalid(() -> Architecture.of(Map.of("lr", Double.NaN)));
        assertThat(nan.label()).contains("lr");
        assertThat(nan).hasMessageContaining("expected a finite number");

        InvalidArchitectureException inf =
                invalid(() -> Architecture.of(Map.of("lr", Float.POSITIVE_INFINITY)));
        assertThat(inf.label()).contains("lr");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " "})
    void blankLabelsAreRejected(String label) {
        InvalidArchitectureException e = invalid(() -> Architecture.of(Map.of(label, 1)));
        assertThat(e).hasMessageContaining("label is empty");
        InvalidArchitectureException json =
                invalid(() -> Architecture.fromJson("{\"" + label + "\":1}"));
        assertThat(json).hasMessageContaining("label is empty");
    }

    private static InvalidArchitectureException invalid(Runnable action) {
        Throwable thrown = catchThrowable(action::run);
        assertThat(thrown).isInstanceOf(InvalidArchitectureException.class);
        return (InvalidArchitectureException) thrown;
    }

    @Test
    void truncatedJsonIsDescribedByItsPlaceWithoutTheParsersInternals() {
        assertThatThrownBy(() -> Architecture.fromJson("{\"op\": \"conv\", \"act\": [\"relu\""))
                .isInstanceOf(InvalidArchitectureException.class)
                .hasMessageContaining("truncated")
                .hasMessageContaining("line 1")
                .hasMessageContaining("expected an object mapping each label to its value")
                .satisfies(
                        e ->
                                assertThat(e.getMessage())
                                        .doesNotContain("Source")
                                        .doesNotContain("StreamReadFeature")
                                        .doesNotContain("REDACTED"));
    }

    @Test
    void aStrayTokenIsNamedWithoutTheParsersListOfExpectations() {
        assertThatThrownBy(() -> Architecture.fromJson("{\"op\": \"conv\"} trailing"))
                .isInstanceOf(InvalidArchitectureException.class)
                .hasMessageContaining("'trailing'")
                .hasMessageContaining("line 1, column")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("token 'null'"));
    }
}
