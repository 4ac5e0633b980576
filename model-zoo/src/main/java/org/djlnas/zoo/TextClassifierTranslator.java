package org.djlnas.zoo;

import ai.djl.modality.Classifications;
import ai.djl.ndarray.NDList;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.util.List;
import org.djlnas.api.data.encoding.TextEncoding;

/**
 * Classifies texts with a published network, encoding each text exactly as the training documents
 * were ({@link TextEncoding}: the same tokenizer, vocabulary and length). The network's logits
 * become probabilities by softmax, paired with the class names.
 */
public final class TextClassifierTranslator implements Translator<String, Classifications> {

    private final List<String> classNames;
    private final TextEncoding encoding;

    TextClassifierTranslator(List<String> classNames, TextEncoding encoding) {
        this.classNames = List.copyOf(classNames);
        this.encoding = encoding;
    }

    /**
     * Turns a text into the network's input: its {@code length} token ids, as floats.
     *
     * @param ctx the translator's context
     * @param input the text
     * @return the input
     */
    @Override
    public NDList processInput(TranslatorContext ctx, String input) {
        return new NDList(ctx.getNDManager().create(encoding.encodeAsFloats(input)));
    }

    /**
     * Turns the network's logits for one text into class probabilities.
     *
     * @param ctx the translator's context
     * @param list the logits, one array with a value per class
     * @return the classifications
     * @throws TranslateException if the network gives a different number of classes than there are
     *     class names
     */
    @Override
    public Classifications processOutput(TranslatorContext ctx, NDList list)
            throws TranslateException {
        return ClassLogits.classify(list, classNames, "text", "the model");
    }
}
