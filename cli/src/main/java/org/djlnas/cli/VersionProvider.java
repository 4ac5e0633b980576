package org.djlnas.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the djl-nas version from the jar manifest ({@code dev} when run from classes). */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {
            "djl-nas " + libraryVersion(), "Java " + System.getProperty("java.version")
        };
    }

    /**
     * Returns the djl-nas version from the jar manifest.
     *
     * @return the version, or {@code dev} when run from classes
     */
    static String libraryVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
