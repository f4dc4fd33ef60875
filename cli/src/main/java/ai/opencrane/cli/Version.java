package ai.opencrane.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the version the jar was built as. */
final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = Version.class.getPackage().getImplementationVersion();
        return new String[] {"opencrane " + (v != null ? v : "(development build)")};
    }
}
