package org.djlnas.runtime.data.image;

import ai.djl.basicdataset.cv.classification.AbstractImageFolder;
import ai.djl.modality.cv.Image;
import ai.djl.util.Pair;
import ai.djl.util.Progress;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Lists an image folder with DJL's basicdataset image folder: the class names are the names of the
 * sub-folders (hidden ones skipped), sorted; the examples are the files in each sub-folder whose
 * extension DJL knows as an image ({@code .jpg}, {@code .jpeg}, {@code .png}, {@code .bmp}, {@code
 * .wbmp}, {@code .gif}), sorted by class and then by path so that the order does not depend on the
 * file system. Images are decoded by DJL's {@link ai.djl.modality.cv.ImageFactory}.
 *
 * <p>DJL's {@code ImageFolder} does the same but is final and keeps its file list to itself; this
 * subclass of its base class exposes the list, so that an unreadable file can be named.
 */
final class FolderListing extends AbstractImageFolder {

    private final Path root;

    private FolderListing(Builder builder) {
        super(builder);
        this.root = builder.root;
    }

    /**
     * Lists a folder's classes and image files.
     *
     * @param root the folder of class sub-folders
     * @return the classes and files
     * @throws IOException if the folder cannot be listed
     */
    static Listing list(Path root) throws IOException {
        Builder builder = new Builder(root);
        builder.setRepositoryPath(root).setSampling(1, false);
        FolderListing listing = new FolderListing(builder);
        listing.prepare(null);
        List<Pair<String, Integer>> entries = new ArrayList<>();
        listing.items.forEach(entries::add);
        entries.sort(
                Comparator.comparing((Pair<String, Integer> entry) -> entry.getValue())
                        .thenComparing(Pair::getKey));
        List<Path> files = new ArrayList<>(entries.size());
        int[] labels = new int[entries.size()];
        for (int i = 0; i < labels.length; i++) {
            files.add(Path.of(entries.get(i).getKey()));
            labels[i] = entries.get(i).getValue();
        }
        return new Listing(List.copyOf(listing.synset), List.copyOf(files), labels);
    }

    /**
     * Decodes one file with DJL's image factory.
     *
     * @param file the file
     * @return the image
     * @throws IOException if the file cannot be read or decoded
     */
    static Image decode(Path file) throws IOException {
        return ai.djl.modality.cv.ImageFactory.getInstance().fromFile(file);
    }

    @Override
    protected Path getImagePath(String key) {
        return Path.of(key);
    }

    @Override
    public void prepare(@Nullable Progress progress) throws IOException {
        if (prepared) {
            return;
        }
        File[] folders = root.toFile().listFiles(f -> f.isDirectory() && !f.isHidden());
        if (folders == null) {
            throw new IOException("cannot list the folder " + root);
        }
        Arrays.sort(folders);
        for (File folder : folders) {
            synset.add(folder.getName());
        }
        listImages(root, synset);
        prepared = true;
    }

    /**
     * The classes and image files of a folder.
     *
     * @param classes the class names, sorted
     * @param files the image files, by class and then by path
     * @param labels the class of each file
     */
    record Listing(List<String> classes, List<Path> files, int[] labels) {

        /**
         * Returns how many files each class has.
         *
         * @return the counts, by class
         */
        int[] counts() {
            int[] counts = new int[classes.size()];
            for (int label : labels) {
                counts[label]++;
            }
            return counts;
        }
    }

    /** Builds a listing. */
    private static final class Builder extends ImageFolderBuilder<Builder> {

        private final Path root;

        Builder(Path root) {
            this.root = root;
        }

        @Override
        protected Builder self() {
            return this;
        }
    }
}
