package org.djlnas.api.data.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextEncodingTest {

    private static final List<String> TEXTS =
            List.of("Buy cheap pills, buy NOW!", "Meeting at noon; bring the pills report", "buy");

    @Test
    void tokenizesWithPunctuationSplitOffAndLowerCased() {
        assertThat(TextEncoding.tokenize("Buy cheap pills, buy NOW!", true))
                .containsExactly("buy", "cheap", "pills", ",", "buy", "now", "!");
        assertThat(TextEncoding.tokenize("Buy NOW", false)).containsExactly("Buy", "NOW");
    }

    @Test
    void vocabularyHoldsTheMostFrequentTokensAfterPaddingAndUnknown() {
        TextEncoding encoding = TextEncoding.fit(TEXTS, 4, 1, 5, true);
        // buy ×3, pills ×2; then the ties at 1 in text order: "!" sorts first
        assertThat(encoding.vocabulary()).containsExactly("<pad>", "<unk>", "buy", "pills");
        assertThat(encoding.encode("buy the pills")).containsExactly(2, 1, 3, 0, 0);
        assertThat(encoding.encode("buy buy buy buy buy buy")).containsExactly(2, 2, 2, 2, 2);
    }

    @Test
    void minCountDropsRareTokens() {
        TextEncoding encoding = TextEncoding.fit(TEXTS, 100, 2, 3, true);
        assertThat(encoding.vocabulary()).containsExactly("<pad>", "<unk>", "buy", "pills");
    }

    @Test
    void preprocessingRoundTrips() {
        TextEncoding encoding = TextEncoding.fit(TEXTS, 100, 1, 7, false);
        Map<String, Object> recorded = encoding.preprocessing();
        TextEncoding replayed = TextEncoding.fromPreprocessing(recorded);
        assertThat(replayed.vocabulary()).isEqualTo(encoding.vocabulary());
        assertThat(replayed.length()).isEqualTo(7);
        assertThat(replayed.lowercase()).isFalse();
        assertThat(replayed.encode("Buy cheap pills"))
                .isEqualTo(encoding.encode("Buy cheap pills"));
    }

    @Test
    void malformedPreprocessingNamesTheKey() {
        Map<String, Object> recorded =
                new java.util.HashMap<>(TextEncoding.fit(TEXTS, 9, 1, 4, true).preprocessing());
        recorded.remove("vocabulary");
        assertThatThrownBy(() -> TextEncoding.fromPreprocessing(recorded))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'vocabulary'");
    }
}
