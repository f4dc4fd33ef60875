package ai.opencrane.cli.commands;

import ai.opencrane.cli.Session;

/** {@code get}: one resource. */
public abstract class GetCommand extends ApiCommand {

    protected abstract Kind kind();

    protected abstract String id();

    @Override
    protected void run(Session s) {
        s.output().value(s.client().get(kind().item(id()), null).body());
    }
}
