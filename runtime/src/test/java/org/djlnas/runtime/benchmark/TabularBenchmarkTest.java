package org.djlnas.runtime.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.djlnas.spaces.nasbench201.NasBench201Cifar10Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TabularBenchmarkTest {

    private static final String CELL =
            "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|";

    @TempDir Path folder;

    @Test
    void aDirectoryIsRefusedNamingItsPathAndWhatWasExpected() {
        assertThatThrownBy(() -> TabularBenchmark.read(folder))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "benchmark file "
                                + folder
                                + " is a directory; expected a CSV file of 'architecture,score'"
                                + " lines");
    }

    @Test
    void aBinaryFileIsRefusedNamingTheFileAndTheLine() throws Exception {
        Path table = folder.resolve("binary.csv");
        byte[] header = ("arch,score\n" + CELL + ",93.5\n").getBytes(StandardCharsets.UTF_8);
        byte[] binary = {(byte) 0x89, 'P', 'N', 'G', (byte) 0xff, (byte) 0xfe, '\n', 0, 1};
        byte[] bytes = new byte[header.length + binary.length];
        System.arraycopy(header, 0, bytes, 0, header.length);
        System.arraycopy(binary, 0, bytes, header.length, binary.length);
        Files.write(table, bytes);

        assertThatThrownBy(() -> TabularBenchmark.read(table))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "benchmark file "
                                + table
                                + " line 3 is not UTF-8 text; expected a CSV file of"
                                + " 'architecture,score' lines");
    }

    @Test
    void aLineWithoutEndIsRefusedBeforeItFillsTheMemory() throws Exception {
        Path table = folder.resolve("long.csv");
        Files.write(table, new byte[1 << 20]);

        assertThatThrownBy(() -> TabularBenchmark.read(table))
                .hasMessageContaining("benchmark file " + table + " line 1 is longer than 64 KiB");
    }

    @Test
    void theSameTableFromAFileOrBuiltInHasTheSameRowsAndHash() throws Exception {
        Path copy = folder.resolve("copy.csv");
        try (InputStream in = new NasBench201Cifar10Table().open()) {
            Files.copy(in, copy);
        }
        TabularBenchmark file = TabularBenchmark.read(copy);
        TabularBenchmark builtIn = TabularBenchmark.read(new NasBench201Cifar10Table());

        assertThat(builtIn.source()).isEqualTo("nas-bench-201-cifar10");
        assertThat(file.source()).isEqualTo(copy.toString());
        assertThat(builtIn.size()).isEqualTo(file.size()).isEqualTo(15_625);
        assertThat(builtIn.sha256())
                .isEqualTo(file.sha256())
                .isEqualTo("7d70595351f58bc5e5d16abd68120dc75f6214a9e1e11008b906df72d6f9b843");
        assertThat(builtIn.score(CELL)).isEqualTo(file.score(CELL));
        assertThat(builtIn.score(CELL).getAsDouble()).isBetween(10.0, 94.38);
    }

    @Test
    void theHashFollowsTheBytes() throws Exception {
        Path a = Files.writeString(folder.resolve("a.csv"), CELL + ",93.5\n");
        Path b = Files.writeString(folder.resolve("b.csv"), CELL + ",93.6\n");

        assertThat(TabularBenchmark.read(a).sha256())
                .isNotEqualTo(TabularBenchmark.read(b).sha256())
                .hasSize(64);
    }
}
