package org.djlnas.zoo;

import java.nio.file.Path;

/** A separate process that starts an import's staging folder in a zoo and holds it until killed. */
public final class StagingHolder {

    private StagingHolder() {}

    /**
     * Creates a staging folder in the zoo given as the only argument, prints it, and waits.
     *
     * @param args the zoo folder
     * @throws Exception never, in practice: the test kills the process
     */
    public static void main(String[] args) throws Exception {
        ImportStaging staging = ImportStaging.create(Path.of(args[0]));
        System.out.println(staging.path());
        System.out.flush();
        synchronized (staging) {
            staging.wait();
        }
    }
}
