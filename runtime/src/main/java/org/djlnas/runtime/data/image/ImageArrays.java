package org.djlnas.runtime.data.image;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.DataIterable;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;
import ai.djl.training.dataset.Sampler;
import ai.djl.translate.StackBatchifier;
import ai.djl.util.Progress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.djlnas.runtime.data.PixelNormalization;
import org.jspecify.annotations.Nullable;

/**
 * Decoded images as a DJL data set: a record is a float image, channels first, normalised per
 * channel, {@code (v/255 − mean[c]) / std[c]}, and a float scalar class label. Batches are written
 * straight into one array of shape (N, C, H, W) and one of shape (N), as Fashion-MNIST's are.
 *
 * <p>With augmentation, each image of a batch is shifted by up to 4 pixels in each direction (a
 * crop of the image padded with black by 4 pixels) and flipped left to right with probability one
 * half; the draws depend only on the seed, the pass over the data (each {@code getData} call starts
 * a pass) and the record's position in the pass, so they do not depend on threads.
 */
final class ImageArrays extends RandomAccessDataset {

    private static final int PADDING = 4;

    private final DecodedImages images;
    private final int @Nullable [] indices;
    private final float[][] normalised;
    private final @Nullable Long augmentSeed;
    private final AtomicLong passes = new AtomicLong();

    private ImageArrays(Builder builder) {
        super(builder);
        this.images = builder.images;
        this.indices = builder.indices;
        this.augmentSeed = builder.augmentSeed;
        float[] mean = builder.normalization.mean();
        float[] std = builder.normalization.std();
        this.normalised = new float[mean.length][256];
        for (int c = 0; c < mean.length; c++) {
            for (int v = 0; v < 256; v++) {
                normalised[c][v] = (v / 255f - mean[c]) / std[c];
            }
        }
    }

    static Builder builder(DecodedImages images, PixelNormalization normalization) {
        return new Builder(images, normalization);
    }

    @Override
    public Record get(NDManager manager, long index) {
        float[] image = new float[images.length()];
        fill(example(index), image, 0, draw(passes.get(), index));
        NDArray x =
                manager.create(
                        image, new Shape(images.channels(), images.height(), images.width()));
        NDArray y = manager.create((float) images.labels()[example(index)]);
        return new Record(new NDList(x), new NDList(y));
    }

    @Override
    protected long availableSize() {
        return indices != null ? indices.length : images.size();
    }

    @Override
    public void prepare(@Nullable Progress progress) {
        // the images are in memory already
    }

    @Override
    public Iterable<Batch> getData(NDManager manager) {
        return getData(manager, sampler, null);
    }

    @Override
    public Iterable<Batch> getData(NDManager manager, @Nullable ExecutorService executorService) {
        return getData(manager, sampler, executorService);
    }

    @Override
    public Iterable<Batch> getData(NDManager manager, Sampler sampler) {
        return getData(manager, sampler, null);
    }

    @Override
    public Iterable<Batch> getData(
            NDManager manager, Sampler sampler, @Nullable ExecutorService executorService) {
        return new Batches(this, manager, sampler, executorService, passes.getAndIncrement());
    }

    private int example(long index) {
        int i = Math.toIntExact(index);
        return indices == null ? i : indices[i];
    }

    /** A crop offset in each direction and a flip, or none without augmentation. */
    private int @Nullable [] draw(long pass, long position) {
        if (augmentSeed == null) {
            return null;
        }
        SplittableRandom random =
                new SplittableRandom(
                        augmentSeed * 0x9E3779B97F4A7C15L + pass * 0xBF58476D1CE4E5B9L + position);
        return new int[] {
            random.nextInt(-PADDING, PADDING + 1),
            random.nextInt(-PADDING, PADDING + 1),
            random.nextInt(2)
        };
    }

    private void fill(int example, float[] target, int offset, int @Nullable [] draw) {
        FloatBuffer buffer = FloatBuffer.wrap(target);
        fill(example, buffer, offset, draw);
    }

    private void fill(int example, FloatBuffer target, int offset, int @Nullable [] draw) {
        byte[] pixels = images.pixels();
        int height = images.height();
        int width = images.width();
        int area = height * width;
        int from = example * images.length();
        for (int c = 0; c < images.channels(); c++) {
            float[] table = normalised[c];
            int channelFrom = from + c * area;
            int channelTo = offset + c * area;
            if (draw == null) {
                for (int p = 0; p < area; p++) {
                    target.put(channelTo + p, table[pixels[channelFrom + p] & 0xff]);
                }
                continue;
            }
            int dy = draw[0];
            int dx = draw[1];
            boolean flip = draw[2] == 1;
            for (int y = 0; y < height; y++) {
                int sy = y + dy;
                for (int x = 0; x < width; x++) {
                    int sx = (flip ? width - 1 - x : x) + dx;
                    int v =
                            sy < 0 || sy >= height || sx < 0 || sx >= width
                                    ? 0
                                    : pixels[channelFrom + sy * width + sx] & 0xff;
                    target.put(channelTo + y * width + x, table[v]);
                }
            }
        }
    }

    private boolean directBatches() {
        return pipeline == null
                && targetPipeline == null
                && dataBatchifier instanceof StackBatchifier
                && labelBatchifier instanceof StackBatchifier;
    }

    private Batch directBatch(
            NDManager parent, List<Long> sample, int progress, long pass, Staging staging) {
        int n = sample.size();
        int length = images.length();
        NDManager batchManager = parent.newSubManager();
        NDArray x;
        NDArray y;
        synchronized (staging) {
            ByteBuffer buffer = staging.reserve(((long) n * length + n) * Float.BYTES);
            FloatBuffer floats = buffer.asFloatBuffer();
            int labelsAt = n * length;
            int first = progress - n;
            for (int i = 0; i < n; i++) {
                int example = example(sample.get(i));
                fill(example, floats, i * length, draw(pass, first + i));
                floats.put(labelsAt + i, images.labels()[example]);
            }
            x =
                    copy(
                            batchManager,
                            buffer,
                            0,
                            new Shape(n, images.channels(), images.height(), images.width()));
            y = copy(batchManager, buffer, labelsAt, new Shape(n));
        }
        NDList data = new NDList(x);
        NDList labels = new NDList(y);
        if (device != null) {
            data = data.toDevice(device, false);
            labels = labels.toDevice(device, false);
        }
        return new Batch(
                batchManager, data, labels, n, dataBatchifier, labelBatchifier, progress, size());
    }

    /** Copies floats of the staging buffer into a new array that does not share its memory. */
    private static NDArray copy(NDManager manager, ByteBuffer buffer, int offset, Shape shape) {
        int length = Math.toIntExact(shape.size()) * Float.BYTES;
        ByteBuffer slice =
                buffer.slice(offset * Float.BYTES, length).order(ByteOrder.nativeOrder());
        try (NDArray staged = manager.create(slice, shape, DataType.FLOAT32)) {
            return staged.duplicate();
        }
    }

    /** A native buffer reused from batch to batch by one iterable. */
    private static final class Staging {

        private ByteBuffer buffer = ByteBuffer.allocateDirect(0);

        ByteBuffer reserve(long bytes) {
            if (buffer.capacity() < bytes) {
                buffer = ByteBuffer.allocateDirect(Math.toIntExact(bytes));
            }
            return buffer.clear().order(ByteOrder.nativeOrder());
        }
    }

    /** DJL's data iterable with a direct batch path. */
    private static final class Batches extends DataIterable {

        private final long pass;
        private @Nullable Staging staging;

        Batches(
                ImageArrays dataset,
                NDManager manager,
                Sampler sampler,
                @Nullable ExecutorService executor,
                long pass) {
            super(
                    dataset,
                    manager,
                    sampler,
                    dataset.dataBatchifier,
                    dataset.labelBatchifier,
                    dataset.pipeline,
                    dataset.targetPipeline,
                    executor,
                    dataset.prefetchNumber,
                    dataset.device);
            this.pass = pass;
        }

        @Override
        protected Batch fetch(List<Long> sample, int progress) throws java.io.IOException {
            ImageArrays arrays = (ImageArrays) dataset;
            if (arrays.directBatches()) {
                return arrays.directBatch(manager, sample, progress, pass, staging());
            }
            return super.fetch(sample, progress);
        }

        private synchronized Staging staging() {
            Staging current = staging;
            if (current == null) {
                current = new Staging();
                staging = current;
            }
            return current;
        }
    }

    /** Builds an {@link ImageArrays}. */
    static final class Builder extends BaseBuilder<Builder> {

        private final DecodedImages images;
        private final PixelNormalization normalization;
        private int @Nullable [] indices;
        private @Nullable Long augmentSeed;

        private Builder(DecodedImages images, PixelNormalization normalization) {
            this.images = images;
            this.normalization = normalization;
        }

        @Override
        protected Builder self() {
            return this;
        }

        Builder optIndices(int[] indices) {
            this.indices = indices.clone();
            return this;
        }

        Builder optAugmentation(long seed) {
            this.augmentSeed = seed;
            return this;
        }

        ImageArrays build() {
            return new ImageArrays(this);
        }
    }
}
