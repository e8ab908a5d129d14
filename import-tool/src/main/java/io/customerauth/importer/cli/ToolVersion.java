package io.customerauth.importer.cli;

import picocli.CommandLine;

/** The version from the jar's manifest (the Maven project version), or "development" when run from classes. */
final class ToolVersion implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = ToolVersion.class.getPackage().getImplementationVersion();
        return new String[] {"import-customers " + (version == null ? "development" : version)};
    }
}
