package ai.opencrane.cli.commands;

import java.util.Map;

import picocli.CommandLine.Option;

import ai.opencrane.cli.Session;

/** {@code create}: POST of a body from {@code --file} and flags; shows the created resource. */
public abstract class CreateCommand extends ApiCommand {

    @Option(names = {"-f", "--file"}, paramLabel = "FILE",
            description = "The request body, a JSON object ('-' reads standard input); flags override its fields.")
    String file;

    protected abstract Kind kind();

    /** Puts the fields given as flags. */
    protected abstract void fields(Body body);

    @Override
    protected void run(Session s) {
        Body body = Body.from(file, s.io());
        fields(body);
        s.output().value(s.client().send("POST", kind().path(), null, body.json(), Map.of()).body());
    }
}
