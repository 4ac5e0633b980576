package org.djlnas.spaces.nasbench201;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.ServiceLoader;
import org.djlnas.api.eval.BenchmarkTableProvider;
import org.junit.jupiter.api.Test;

class NasBench201Cifar10TableTest {

    /** The SHA-256 of the uncompressed CSV that NOTICE.md records. */
    private static final String SHA_256 =
            "7d70595351f58bc5e5d16abd68120dc75f6214a9e1e11008b906df72d6f9b843";

    @Test
    void isFoundByServiceLoaderUnderItsIdForTheNasBench201Space() {
        List<BenchmarkTableProvider> tables =
                ServiceLoader.load(BenchmarkTableProvider.class).stream()
                        .map(ServiceLoader.Provider::get)
                        .filter(t -> t.id().equals("nas-bench-201-cifar10"))
                        .toList();
        assertThat(tables).hasSize(1);
        assertThat(tables.get(0).space()).isEqualTo("nas-bench-201");
        assertThat(tables.get(0).source()).contains("NATS-Bench").contains("MIT License");
    }

    @Test
    void holdsTheExportedTableUnchanged() throws IOException, NoSuchAlgorithmException {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        List<String> rows;
        try (InputStream in = new DigestInputStream(new NasBench201Cifar10Table().open(), sha256);
                BufferedReader reader =
                        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            rows = reader.lines().toList();
        }
        assertThat(HexFormat.of().formatHex(sha256.digest())).isEqualTo(SHA_256);
        assertThat(rows.get(0)).isEqualTo("arch,cifar10_test_acc");
        List<Double> scores =
                rows.subList(1, rows.size()).stream()
                        .map(row -> Double.parseDouble(row.substring(row.lastIndexOf(',') + 1)))
                        .toList();
        assertThat(scores).hasSize(15_625);
        assertThat(scores.stream().mapToDouble(Double::doubleValue).max().orElseThrow())
                .isEqualTo(94.3733, offset(0.0001));
        assertThat(scores.stream().mapToDouble(Double::doubleValue).min().orElseThrow())
                .isEqualTo(10.0);
    }
}
