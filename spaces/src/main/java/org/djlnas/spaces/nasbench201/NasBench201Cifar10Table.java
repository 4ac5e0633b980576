package org.djlnas.spaces.nasbench201;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.djlnas.api.eval.BenchmarkTableProvider;

/**
 * Registers the built-in {@code nas-bench-201-cifar10} table: every architecture of the {@code
 * nas-bench-201} space with its CIFAR-10 test accuracy (%) after 200 epochs, averaged over the
 * benchmark's seeds. From the NATS-Bench topology search space (Dong et al., TPAMI 2021;
 * NAS-Bench-201, ICLR 2020), released under the MIT License by its authors; the resource's {@code
 * NOTICE.md} holds the licence.
 */
public final class NasBench201Cifar10Table implements BenchmarkTableProvider {

    /** The table's id. */
    public static final String ID = "nas-bench-201-cifar10";

    private static final String RESOURCE = "nas-bench-201-cifar10.csv.gz";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String space() {
        return NasBench201Space.ID;
    }

    @Override
    public String metric() {
        return "CIFAR-10 test accuracy (%) after 200 epochs, mean over seeds";
    }

    @Override
    public String source() {
        return "NATS-Bench topology search space (Dong et al., TPAMI 2021; NAS-Bench-201, ICLR"
                + " 2020), MIT License";
    }

    @Override
    public InputStream open() throws IOException {
        InputStream compressed = NasBench201Cifar10Table.class.getResourceAsStream(RESOURCE);
        if (compressed == null) {
            throw new FileNotFoundException("the jar lacks the resource " + RESOURCE);
        }
        try {
            return new GZIPInputStream(compressed);
        } catch (IOException e) {
            compressed.close();
            throw e;
        }
    }
}
