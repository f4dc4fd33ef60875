package ai.opencrane.cli.commands;

import java.util.List;

import picocli.CommandLine.Option;

import ai.opencrane.cli.Failure;
import ai.opencrane.cli.Session;

/** {@code update}: PUT of the fields named (from {@code --file}, flags and {@code --unset}); the rest is kept. */
public abstract class UpdateCommand extends ApiCommand {

    @Option(names = {"-f", "--file"}, paramLabel = "FILE",
            description = "Fields to change, a JSON object ('-' reads standard input); flags override its fields.")
    String file;

    @Option(names = "--unset", paramLabel = "FIELD", split = ",",
            description = "Clear this field (sends null); repeatable, or comma-separated.")
    List<String> unset;

    @Option(names = "--if-match", paramLabel = "VERSION",
            description = "Only if the resource is still at this version (its ETag or resourceVersion); else 412.")
    String ifMatch;

    protected abstract Kind kind();

    protected abstract String id();

    protected abstract void fields(Body body);

    @Override
    protected void run(Session s) {
        Body body = Body.from(file, s.io());
        fields(body);
        body.clear(unset);
        if (body.isEmpty()) {
            throw Failure.usage("nothing to change: give field flags, --file or --unset (see --help)");
        }
        s.output().value(s.client().send("PUT", kind().item(id()), null, body.json(), IfMatch.header(ifMatch)).body());
    }
}
