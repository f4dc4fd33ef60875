package ai.opencrane.cli.commands;

import java.util.List;

import ai.opencrane.cli.Session;
import ai.opencrane.cli.output.Column;

/** {@code drift}: where a projection table differs from the cluster's resources. */
public abstract class DriftCommand extends ApiCommand {

    static final List<Column> MISMATCHES = List.of(Column.of("NAME", "name"), Column.of("ISSUE", "issue"),
            Column.of("FIELDS", "fields"));

    protected abstract Kind kind();

    @Override
    protected void run(Session s) {
        s.output().value(s.client().get(kind().path() + "/drift", null).object(), "mismatches", MISMATCHES);
    }
}
