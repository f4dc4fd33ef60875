package ai.opencrane.cli.commands;

import picocli.CommandLine.Option;

import ai.opencrane.cli.Session;

/** {@code delete}: removes one resource (204). */
public abstract class DeleteCommand extends ApiCommand {

    @Option(names = "--if-match", paramLabel = "VERSION",
            description = "Only if the resource is still at this version (its ETag or resourceVersion); else 412.")
    String ifMatch;

    protected abstract Kind kind();

    protected abstract String id();

    @Override
    protected void run(Session s) {
        s.client().send("DELETE", kind().item(id()), null, null, IfMatch.header(ifMatch));
        s.output().message(kind().noun() + " " + id() + " deleted");
    }
}
