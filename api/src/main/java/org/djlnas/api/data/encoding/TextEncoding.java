package org.djlnas.api.data.encoding;

import ai.djl.modality.nlp.preprocess.LowerCaseConvertor;
import ai.djl.modality.nlp.preprocess.PunctuationSeparator;
import ai.djl.modality.nlp.preprocess.SimpleTokenizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a text into a fixed number of token ids, the way a text data source trained a network and
 * its published model replays it.
 *
 * <p>Tokenizing uses DJL's text processors: split on white space ({@link SimpleTokenizer}),
 * optionally lower-case ({@link LowerCaseConvertor}), then split punctuation off into tokens of
 * their own ({@link PunctuationSeparator}). A token's id is its place in the vocabulary; id {@value
 * #PADDING_ID} is padding and id {@value #UNKNOWN_ID} stands for every token not in the vocabulary.
 * A text is cut after {@link #length()} tokens, and a shorter one is padded at the end.
 */
public final class TextEncoding {

    /** The id that pads a short text. */
    public static final int PADDING_ID = 0;

    /** The id of a token not in the vocabulary. */
    public static final int UNKNOWN_ID = 1;

    /** The vocabulary entry at {@link #PADDING_ID}. */
    public static final String PADDING_TOKEN = "<pad>";

    /** The vocabulary entry at {@link #UNKNOWN_ID}. */
    public static final String UNKNOWN_TOKEN = "<unk>";

    /** The tokenizer's name as recorded in preprocessing. */
    public static final String TOKENIZER = "djl-simple+punctuation";

    private static final String KEY_TOKENIZER = "tokenizer";
    private static final String KEY_LOWERCASE = "lowercase";
    private static final String KEY_LENGTH = "length";
    private static final String KEY_VOCABULARY = "vocabulary";

    private final List<String> vocabulary;
    private final Map<String, Integer> ids;
    private final int length;
    private final boolean lowercase;

    /**
     * Creates an encoding from a vocabulary.
     *
     * @param vocabulary the tokens by id: {@value #PADDING_TOKEN}, {@value #UNKNOWN_TOKEN}, then
     *     the known tokens
     * @param length the number of ids per text
     * @param lowercase whether texts are lower-cased before their tokens are looked up
     */
    public TextEncoding(List<String> vocabulary, int length, boolean lowercase) {
        this.vocabulary = List.copyOf(vocabulary);
        if (this.vocabulary.size() < 2
                || !this.vocabulary.get(PADDING_ID).equals(PADDING_TOKEN)
                || !this.vocabulary.get(UNKNOWN_ID).equals(UNKNOWN_TOKEN)) {
            throw new IllegalArgumentException(
                    "vocabulary starts with "
                            + this.vocabulary.subList(0, Math.min(2, this.vocabulary.size()))
                            + "; expected ["
                            + PADDING_TOKEN
                            + ", "
                            + UNKNOWN_TOKEN
                            + "] first");
        }
        if (length < 1) {
            throw new IllegalArgumentException("length is " + length + "; expected >= 1");
        }
        this.length = length;
        this.lowercase = lowercase;
        this.ids = new HashMap<>();
        for (int id = 0; id < this.vocabulary.size(); id++) {
            if (ids.putIfAbsent(this.vocabulary.get(id), id) != null) {
                throw new IllegalArgumentException(
                        "vocabulary holds '" + this.vocabulary.get(id) + "' twice");
            }
        }
    }

    /**
     * Builds the vocabulary of a collection of texts: the most frequent tokens (ties broken by the
     * token's text), at most {@code maxSize} entries with padding and unknown included, each seen
     * at least {@code minCount} times.
     *
     * @param texts the training texts
     * @param maxSize the largest vocabulary, at least 2
     * @param minCount how often a token must occur to be kept, at least 1
     * @param length the number of ids per text
     * @param lowercase whether to lower-case texts
     * @return the encoding
     */
    public static TextEncoding fit(
            Iterable<String> texts, int maxSize, int minCount, int length, boolean lowercase) {
        if (maxSize < 2) {
            throw new IllegalArgumentException("vocabulary is " + maxSize + "; expected >= 2");
        }
        if (minCount < 1) {
            throw new IllegalArgumentException("min-count is " + minCount + "; expected >= 1");
        }
        Map<String, Integer> counts = new HashMap<>();
        for (String text : texts) {
            for (String token : tokenize(text, lowercase)) {
                counts.merge(token, 1, Integer::sum);
            }
        }
        counts.remove(PADDING_TOKEN);
        counts.remove(UNKNOWN_TOKEN);
        List<String> vocabulary = new ArrayList<>(List.of(PADDING_TOKEN, UNKNOWN_TOKEN));
        counts.entrySet().stream()
                .filter(e -> e.getValue() >= minCount)
                .sorted(
                        Map.Entry.<String, Integer>comparingByValue()
                                .reversed()
                                .thenComparing(Map.Entry.comparingByKey()))
                .limit(maxSize - 2L)
                .forEach(e -> vocabulary.add(e.getKey()));
        return new TextEncoding(vocabulary, length, lowercase);
    }

    /**
     * Rebuilds the encoding a data source recorded in its preprocessing.
     *
     * @param preprocessing the recorded values ({@link #preprocessing()})
     * @return the encoding
     * @throws IllegalArgumentException naming the missing or malformed key
     */
    public static TextEncoding fromPreprocessing(Map<String, ?> preprocessing) {
        Object tokenizer = preprocessing.get(KEY_TOKENIZER);
        if (!TOKENIZER.equals(tokenizer)) {
            throw new IllegalArgumentException(
                    "preprocessing '"
                            + KEY_TOKENIZER
                            + "' is "
                            + tokenizer
                            + "; expected '"
                            + TOKENIZER
                            + "'");
        }
        Object length = preprocessing.get(KEY_LENGTH);
        Object lowercase = preprocessing.get(KEY_LOWERCASE);
        Object vocabulary = preprocessing.get(KEY_VOCABULARY);
        if (!(length instanceof Number number)) {
            throw new IllegalArgumentException(
                    "preprocessing '" + KEY_LENGTH + "' is " + length + "; expected a number");
        }
        if (!(lowercase instanceof Boolean lower)) {
            throw new IllegalArgumentException(
                    "preprocessing '"
                            + KEY_LOWERCASE
                            + "' is "
                            + lowercase
                            + "; expected a boolean");
        }
        if (!(vocabulary instanceof List<?> tokens)) {
            throw new IllegalArgumentException(
                    "preprocessing '" + KEY_VOCABULARY + "' is missing; expected a list of tokens");
        }
        List<String> strings = new ArrayList<>();
        for (Object token : tokens) {
            strings.add(String.valueOf(token));
        }
        return new TextEncoding(strings, number.intValue(), lower);
    }

    /**
     * Returns what a published model needs to encode texts the same way, as plain JSON values.
     *
     * @return tokenizer, lowercase, length and vocabulary (tokens by id)
     */
    public Map<String, Object> preprocessing() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(KEY_TOKENIZER, TOKENIZER);
        values.put(KEY_LOWERCASE, lowercase);
        values.put(KEY_LENGTH, length);
        values.put(KEY_VOCABULARY, vocabulary);
        return values;
    }

    /**
     * Splits a text into tokens.
     *
     * @param text the text
     * @param lowercase whether to lower-case it first
     * @return the tokens
     */
    public static List<String> tokenize(String text, boolean lowercase) {
        List<String> tokens = new SimpleTokenizer().tokenize(text);
        if (lowercase) {
            tokens = new LowerCaseConvertor(Locale.ROOT).preprocess(tokens);
        }
        List<String> separated = new PunctuationSeparator().preprocess(tokens);
        List<String> nonEmpty = new ArrayList<>(separated.size());
        for (String token : separated) {
            if (!token.isBlank()) {
                nonEmpty.add(token);
            }
        }
        return nonEmpty;
    }

    /**
     * Encodes a text: its first {@link #length()} tokens' ids, padded with {@value #PADDING_ID}.
     *
     * @param text the text
     * @return {@link #length()} ids
     */
    public int[] encode(String text) {
        int[] encoded = new int[length];
        List<String> tokens = tokenize(text, lowercase);
        for (int i = 0; i < Math.min(length, tokens.size()); i++) {
            encoded[i] = ids.getOrDefault(tokens.get(i), UNKNOWN_ID);
        }
        return encoded;
    }

    /**
     * Encodes a text as floats, the form a network reads.
     *
     * @param text the text
     * @return {@link #length()} ids as floats
     */
    public float[] encodeAsFloats(String text) {
        int[] encoded = encode(text);
        float[] floats = new float[encoded.length];
        for (int i = 0; i < encoded.length; i++) {
            floats[i] = encoded[i];
        }
        return floats;
    }

    /**
     * Returns the tokens by id, padding and unknown first.
     *
     * @return the vocabulary
     */
    public List<String> vocabulary() {
        return vocabulary;
    }

    /**
     * Returns the number of ids, padding and unknown included.
     *
     * @return the vocabulary's size
     */
    public int vocabularySize() {
        return vocabulary.size();
    }

    /**
     * Returns the number of ids per text.
     *
     * @return the length
     */
    public int length() {
        return length;
    }

    /**
     * Returns whether texts are lower-cased.
     *
     * @return true if lower-cased
     */
    public boolean lowercase() {
        return lowercase;
    }
}
