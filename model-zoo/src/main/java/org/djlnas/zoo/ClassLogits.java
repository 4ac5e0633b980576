package org.djlnas.zoo;

import ai.djl.modality.Classifications;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.translate.TranslateException;
import java.util.List;

/** Turns a classifier's logits for one example into class probabilities named by class. */
final class ClassLogits {

    private ClassLogits() {}

    /**
     * Applies softmax to one example's logits and names them.
     *
     * @param output the network's output: one array of logits
     * @param classNames the class names, by label
     * @param example what one example is, for the message (for example {@code image})
     * @param namedBy where the class names come from, for the message
     * @return the classifications
     * @throws TranslateException if the network gives another number of logits than there are class
     *     names
     */
    static Classifications classify(
            NDList output, List<String> classNames, String example, String namedBy)
            throws TranslateException {
        NDArray logits = output.singletonOrThrow();
        if (logits.size() != classNames.size()) {
            throw new TranslateException(
                    "the network gives "
                            + logits.size()
                            + " logits per "
                            + example
                            + " (shape "
                            + logits.getShape()
                            + ") but "
                            + namedBy
                            + " names "
                            + classNames.size()
                            + " classes");
        }
        return new Classifications(classNames, logits.flatten().softmax(0));
    }
}
