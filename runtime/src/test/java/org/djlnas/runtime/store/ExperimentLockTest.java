package org.djlnas.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.djlnas.api.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock of an experiment folder, held by another JVM, by this one, and left by a dead one. */
class ExperimentLockTest {

    @TempDir Path folder;

    @Test
    void anotherProcessIsRefusedAtOnceWithTheHoldersPidAndItsDeathFreesTheLock() throws Exception {
        Process holder = startHolder();
        try {
            long start = System.nanoTime();
            assertThatThrownBy(() -> ExperimentLock.acquire(folder))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("in use by process " + holder.pid())
                    .hasMessageContaining(folder.toString())
                    .hasMessageNotContaining("\n");
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2000);
        } finally {
            holder.destroyForcibly(); // like kill -9: the holder never releases the lock itself
            holder.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(Files.readString(folder.resolve(ExperimentLock.FILE_NAME)).strip())
                .isEqualTo(Long.toString(holder.pid()));
        try (ExperimentLock taken = ExperimentLock.acquire(folder)) {
            assertThat(Files.readString(folder.resolve(ExperimentLock.FILE_NAME)).strip())
                    .isEqualTo(Long.toString(ProcessHandle.current().pid()));
        }
    }

    @Test
    void aSecondSearchOfThisProcessIsRefusedAndTheLockIsFreeAfterClose() {
        try (ExperimentLock first = ExperimentLock.acquire(folder)) {
            assertThatThrownBy(() -> ExperimentLock.acquire(folder))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("in use by process " + ProcessHandle.current().pid());
        }
        ExperimentLock.acquire(folder).close();
    }

    private Process startHolder() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process =
                new ProcessBuilder(
                                java.toString(),
                                "-cp",
                                System.getProperty("java.class.path"),
                                LockHolder.class.getName(),
                                folder.toString())
                        .redirectErrorStream(true)
                        .start();
        BufferedReader output =
                new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = output.readLine();
        assertThat(line).as("the holder's first line").isEqualTo("locked");
        return process;
    }
}
