package org.djlnas.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the djl-nas version from the jar manifest ({@code dev} when run from classes). */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {
            "djl-nas " + (version == null ? "dev" : version),
            "Java " + System.getProperty("java.version")
        };
    }
}
