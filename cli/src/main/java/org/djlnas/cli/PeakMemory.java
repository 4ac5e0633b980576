package org.djlnas.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The peak memory of this process so far: the JVM heap (sum of the heap pools' peaks) and the whole
 * process's resident set (Linux {@code VmHWM}), which includes the engine's native memory.
 */
final class PeakMemory {

    private static final double MIB = 1024.0 * 1024.0;

    private PeakMemory() {}

    /**
     * Measures the peaks, in MiB.
     *
     * @return {@code jvmHeapMiB} and, on Linux, {@code processResidentMiB}
     */
    static Map<String, Double> measure() {
        Map<String, Double> peaks = new LinkedHashMap<>();
        long heap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                heap += pool.getPeakUsage().getUsed();
            }
        }
        peaks.put("jvmHeapMiB", round(heap / MIB));
        residentPeakKib().ifPresent(kib -> peaks.put("processResidentMiB", round(kib / 1024.0)));
        return peaks;
    }

    private static java.util.OptionalLong residentPeakKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return java.util.OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return java.util.OptionalLong.empty();
        }
        return java.util.OptionalLong.empty();
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
