package org.djlnas.runtime.store;

import java.nio.file.Path;

/** A separate process that locks an experiment folder, says so, and holds it until killed. */
public final class LockHolder {

    private LockHolder() {}

    /**
     * Locks the folder given as the only argument and waits for ever.
     *
     * @param args the folder
     * @throws InterruptedException never, in practice: the test kills the process
     */
    public static void main(String[] args) throws InterruptedException {
        ExperimentLock lock = ExperimentLock.acquire(Path.of(args[0]));
        System.out.println("locked");
        System.out.flush();
        synchronized (lock) {
            lock.wait();
        }
    }
}
