package org.djlnas.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Sampler;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.LongStream;
import org.djlnas.api.data.SeededShuffleSampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeededShuffleSamplerTest {

    @TempDir Path dir;

    private RandomAccessDataset dataset(int size) throws IOException {
        IdxFiles.fakeFashionMnist(dir, size, 10);
        FashionMnist dataset =
                FashionMnist.builder().optDirectory(dir).setSampling(8, false).build();
        dataset.prepare(null);
        return dataset;
    }

    private static List<Long> pass(Sampler.SubSampler sampler, RandomAccessDataset dataset) {
        List<Long> order = new ArrayList<>();
        sampler.sample(dataset).forEachRemaining(order::add);
        return order;
    }

    @Test
    void sameSeedGivesTheSameSequenceOfPasses() throws IOException {
        RandomAccessDataset dataset = dataset(100);
        SeededShuffleSampler a = new SeededShuffleSampler(17);
        SeededShuffleSampler b = new SeededShuffleSampler(17);
        List<Long> first = pass(a, dataset);
        assertThat(pass(b, dataset)).isEqualTo(first);
        List<Long> second = pass(a, dataset);
        assertThat(pass(b, dataset)).isEqualTo(second);
        assertThat(second).isNotEqualTo(first);
        assertThat(first)
                .containsExactlyInAnyOrderElementsOf(LongStream.range(0, 100).boxed().toList());
    }

    @Test
    void batchesCoverEveryRecordOncePerPass() throws IOException {
        RandomAccessDataset dataset = dataset(50);
        Iterator<List<Long>> batches = SeededShuffleSampler.batches(3, 16).sample(dataset);
        List<Long> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        batches.forEachRemaining(
                batch -> {
                    seen.addAll(batch);
                    sizes.add(batch.size());
                });
        assertThat(sizes).containsExactly(16, 16, 16, 2);
        assertThat(seen)
                .containsExactlyInAnyOrderElementsOf(LongStream.range(0, 50).boxed().toList());
    }
}
