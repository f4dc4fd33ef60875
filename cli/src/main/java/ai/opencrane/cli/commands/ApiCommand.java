package ai.opencrane.cli.commands;

import java.util.concurrent.Callable;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import ai.opencrane.cli.Session;

/** A command that talks to the server; failures are thrown as {@link ai.opencrane.cli.Failure}s. */
public abstract class ApiCommand implements Callable<Integer> {

    /** The footer heading of every command's example. */
    public static final String EXAMPLE = "%nExample:%n";

    @Spec
    protected CommandSpec spec;

    @Override
    public final Integer call() {
        run(session());
        return 0;
    }

    /** The run's session; {@code login} and {@code logout} take a lenient one. */
    protected Session session() {
        return Session.of(spec);
    }

    protected abstract void run(Session session);
}
