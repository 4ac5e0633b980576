package org.djlnas.zoo;

import ai.djl.modality.Classifications;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.util.List;
import java.util.Map;
import org.djlnas.api.data.encoding.RowEncoding;

/**
 * Prepares a table row (column name → value) for a published table network as its training data
 * were prepared, with the {@link RowEncoding} recorded at training: numbers standardised with the
 * training mean and deviation, categories one-hot (an unseen category as all zeros), missing values
 * imputed or refused as in training. Rows batch with DJL's default stacking.
 *
 * @param <O> the output: {@link Classifications} or a {@link Double}
 */
public abstract sealed class TableTranslator<O> implements Translator<Map<String, ?>, O>
        permits TableTranslator.Classifier, TableTranslator.Regressor {

    private final RowEncoding encoding;

    private TableTranslator(RowEncoding encoding) {
        this.encoding = encoding;
    }

    /**
     * Returns how rows are encoded.
     *
     * @return the encoding
     */
    public RowEncoding encoding() {
        return encoding;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, Map<String, ?> row) {
        return new NDList(ctx.getNDManager().create(encoding.encode(row)));
    }

    /** Classifies a row: the softmax of the network's logits over the recorded class names. */
    public static final class Classifier extends TableTranslator<Classifications> {

        private final List<String> classNames;

        Classifier(RowEncoding encoding, List<String> classNames) {
            super(encoding);
            this.classNames = List.copyOf(classNames);
        }

        @Override
        public Classifications processOutput(TranslatorContext ctx, NDList list)
                throws TranslateException {
            return ClassLogits.classify(list, classNames, "row", "the data");
        }
    }

    /**
     * Predicts a number in the target's units: the network's output times the training deviation
     * plus the training mean.
     */
    public static final class Regressor extends TableTranslator<Double> {

        private final double mean;
        private final double std;

        Regressor(RowEncoding encoding, double mean, double std) {
            super(encoding);
            this.mean = mean;
            this.std = std;
        }

        @Override
        public Double processOutput(TranslatorContext ctx, NDList list) throws TranslateException {
            NDArray output = list.singletonOrThrow();
            if (output.size() != 1) {
                throw new TranslateException(
                        "the network gives "
                                + output.size()
                                + " outputs per row; a regression expects 1");
            }
            return output.toFloatArray()[0] * std + mean;
        }
    }
}
