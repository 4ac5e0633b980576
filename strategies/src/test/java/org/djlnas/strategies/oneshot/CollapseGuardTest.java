package org.djlnas.strategies.oneshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.oneshot.EpochRecord;
import org.djlnas.api.oneshot.OneShotResult;
import org.djlnas.api.supernet.OneShotSpace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollapseGuardTest {

    private static final OneShotSpace NAS_BENCH_201 = DartsFixtures.tinyNasBench201();
    private static final String SKIP = CollapseGuard.SKIP;
    private static final String CONV = "nor_conv_3x3";

    @Test
    void countsTheSkipConnectionsOfANasBench201Cell() {
        Architecture twoSkips = nasBench201(SKIP, CONV, SKIP, CONV, CONV, "none");

        assertThat(guard(NAS_BENCH_201, 2).violation(twoSkips)).isEmpty();
        assertThat(guard(NAS_BENCH_201, 1).violation(twoSkips))
                .hasValue("cell 'cell' derived 2 skip connections (limit 1)");
        assertThat(
                        guard(NAS_BENCH_201, 0)
                                .violation(nasBench201(CONV, CONV, CONV, CONV, CONV, CONV)))
                .isEmpty();
        assertThat(
                        guard(NAS_BENCH_201, -1)
                                .violation(nasBench201(SKIP, SKIP, SKIP, SKIP, SKIP, SKIP)))
                .isEmpty();
    }

    @Test
    void countsOnlyTheChosenEdgesOfEachDartsCell() {
        OneShotSpace darts = DartsFixtures.tinyDarts();
        Map<String, Object> values = new TreeMap<>();
        dartsCell(values, "normal", SKIP, "sep_conv_3x3", "max_pool_3x3", "dil_conv_3x3");
        dartsCell(values, "reduce", SKIP, SKIP, SKIP, "sep_conv_5x5");
        Architecture architecture = darts.validate(Architecture.of(values));

        assertThat(guard(darts, 3).violation(architecture)).isEmpty();
        assertThat(guard(darts, 2).violation(architecture))
                .hasValue("cell 'reduce' derived 3 skip connections (limit 2)");
        assertThat(guard(darts, 0).violation(architecture))
                .hasValue("cell 'normal' derived 1 skip connections (limit 0)");
    }

    @Test
    void chooseKeepsTheLastArchitectureWithinTheLimitOnlyWhenTheGuardStopped() {
        Architecture clean = nasBench201(CONV, CONV, CONV, CONV, CONV, CONV);
        Architecture oneSkip = nasBench201(SKIP, CONV, CONV, CONV, CONV, CONV);
        Architecture twoSkips = nasBench201(SKIP, SKIP, CONV, CONV, CONV, CONV);
        List<EpochRecord> history =
                List.of(record(1, clean), record(2, oneSkip), record(3, twoSkips));

        assertThat(DartsSearch.choose(history, guard(NAS_BENCH_201, 1), Optional.of("stopped")))
                .isEqualTo(oneSkip);
        assertThat(DartsSearch.choose(history, guard(NAS_BENCH_201, 0), Optional.of("stopped")))
                .isEqualTo(clean);
        assertThat(DartsSearch.choose(history, guard(NAS_BENCH_201, 0), Optional.empty()))
                .isEqualTo(twoSkips);
        assertThatThrownBy(
                        () ->
                                DartsSearch.choose(
                                        List.of(), guard(NAS_BENCH_201, 0), Optional.empty()))
                .isInstanceOf(IllegalStateException.class);
    }

    /**
     * Finds, without the guard, a seed whose derived cell gains skip connections after its first
     * epoch, sets the limit just below that gain, and searches again with the guard: the search
     * must stop at that epoch and return the epoch before. (The seed is found rather than fixed, so
     * the test does not depend on the last bits of this machine's arithmetic.)
     */
    @Test
    void theSearchStopsAtTheFirstEpochOverTheLimitAndKeepsTheEpochBefore(@TempDir Path folder)
            throws IOException {
        int epochs = 4;
        for (long seed = 1; seed <= 20; seed++) {
            List<EpochRecord> unguarded =
                    search(folder.resolve("free-" + seed), seed, epochs, -1).history();
            long most = skips(unguarded.get(0).architecture());
            for (int e = 1; e < epochs; e++) {
                long count = skips(unguarded.get(e).architecture());
                if (count > most) {
                    checkGuardedSearch(
                            folder.resolve("guarded-" + seed),
                            seed,
                            epochs,
                            most,
                            unguarded,
                            e + 1);
                    return;
                }
            }
        }
        throw new AssertionError(
                "no seed in 1..20 gained skip connections within " + epochs + " epochs");
    }

    private static void checkGuardedSearch(
            Path folder,
            long seed,
            int epochs,
            long limit,
            List<EpochRecord> unguarded,
            int stopEpoch)
            throws IOException {
        OneShotResult result = search(folder, seed, epochs, limit);
        List<EpochRecord> history = result.history();
        assertThat(history).hasSize(stopEpoch);
        assertThat(history.get(stopEpoch - 1).architecture())
                .isEqualTo(unguarded.get(stopEpoch - 1).architecture());
        assertThat(skips(history.get(stopEpoch - 1).architecture())).isGreaterThan(limit);
        assertThat(result.stopReason())
                .hasValueSatisfying(
                        reason ->
                                assertThat(reason)
                                        .startsWith("collapse guard")
                                        .endsWith("after epoch " + stopEpoch));
        assertThat(result.architecture()).isEqualTo(history.get(stopEpoch - 2).architecture());
        assertThat(skips(result.architecture())).isLessThanOrEqualTo(limit);
    }

    private static OneShotResult search(Path folder, long seed, int epochs, long limit)
            throws IOException {
        try (NDManager manager = Engine.getEngine(DartsFixtures.ENGINE).newBaseManager()) {
            return new DartsSearch(
                            DartsFixtures.context(NAS_BENCH_201, seed, epochs),
                            DartsFixtures.settings(1, Math.toIntExact(limit)))
                    .search(DartsFixtures.data(manager, 64), folder, List.of(), record -> {});
        }
    }

    private static CollapseGuard guard(OneShotSpace space, int maxSkipConnections) {
        return new CollapseGuard(space.searchCells(), maxSkipConnections);
    }

    /** A NAS-Bench-201 cell, edges in the order node1←0, node2←0, node2←1, node3←0, 1, 2. */
    private static Architecture nasBench201(String... operations) {
        String[] labels = {
            "cell/node1/from0",
            "cell/node2/from0",
            "cell/node2/from1",
            "cell/node3/from0",
            "cell/node3/from1",
            "cell/node3/from2"
        };
        Map<String, Object> values = new TreeMap<>();
        for (int i = 0; i < labels.length; i++) {
            values.put(labels[i], operations[i]);
        }
        return NAS_BENCH_201.validate(Architecture.of(values));
    }

    /** A DARTS cell whose node 2 takes inputs 0 and 1 and node 3 takes inputs 0 and 2. */
    private static void dartsCell(
            Map<String, Object> values,
            String cell,
            String node2From0,
            String node2From1,
            String node3From0,
            String node3From2) {
        values.put(cell + "/node2/inputs", List.of(0, 1));
        values.put(cell + "/node2/from0", node2From0);
        values.put(cell + "/node2/from1", node2From1);
        values.put(cell + "/node3/inputs", List.of(0, 2));
        values.put(cell + "/node3/from0", node3From0);
        values.put(cell + "/node3/from2", node3From2);
    }

    private static long skips(Architecture architecture) {
        return architecture.values().values().stream().filter(SKIP::equals).count();
    }

    private static EpochRecord record(int epoch, Architecture architecture) {
        return new EpochRecord(epoch, architecture, Map.of(), Map.of());
    }
}
