package org.djlnas.runtime.data.text;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.djlnas.api.data.DataSplit;

/**
 * The documents of a text data set, read into memory: the class names and the training and test
 * documents.
 *
 * @param classNames the classes, by label
 * @param train the training documents (validation examples are split from them later)
 * @param test the test documents
 */
record TextCorpus(List<String> classNames, List<Document> train, List<Document> test) {

    TextCorpus {
        classNames = List.copyOf(classNames);
        train = List.copyOf(train);
        test = List.copyOf(test);
    }

    /**
     * Holds out a seeded fraction of the documents as the test set: the first {@code round(n ×
     * fraction)} of a seeded permutation, at least one, leaving at least one to train on.
     *
     * @param classNames the classes
     * @param documents all documents, in a fixed order
     * @param testFraction the fraction to hold out, in (0, 1)
     * @param seed the permutation's seed
     * @param where the file or folder, for messages
     * @return the corpus
     */
    static TextCorpus holdOut(
            List<String> classNames,
            List<Document> documents,
            double testFraction,
            long seed,
            String where) {
        if (documents.size() < 2) {
            throw new IllegalArgumentException(
                    where
                            + ": "
                            + documents.size()
                            + " document(s); expected at least 2 to hold out a test set");
        }
        int[] permutation = DataSplit.permutation(documents.size(), seed);
        int testCount =
                (int)
                        Math.min(
                                documents.size() - 1,
                                Math.max(1, Math.round(documents.size() * testFraction)));
        boolean[] isTest = new boolean[documents.size()];
        for (int i = 0; i < testCount; i++) {
            isTest[permutation[i]] = true;
        }
        List<Document> train = new ArrayList<>();
        List<Document> test = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            (isTest[i] ? test : train).add(documents.get(i));
        }
        return new TextCorpus(classNames, train, test);
    }

    /** Reads a corpus from its files. */
    @FunctionalInterface
    interface Reader {

        /**
         * Reads the documents.
         *
         * @return the corpus
         * @throws IOException if a file cannot be read
         */
        TextCorpus read() throws IOException;
    }
}
