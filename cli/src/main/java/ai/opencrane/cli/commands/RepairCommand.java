package ai.opencrane.cli.commands;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Option;

import ai.opencrane.cli.Session;
import ai.opencrane.cli.output.Column;

/** {@code repair}: rewrites drifted projection rows from the resources; a dry run unless {@code --apply}. */
public abstract class RepairCommand extends ApiCommand {

    static final List<Column> ENTRIES = List.of(Column.of("NAME", "name"), Column.of("ACTION", "action"),
            Column.of("REASON", "reason"));

    @Option(names = "--apply", description = "Repair for real (without it, only show what would be repaired).")
    boolean apply;

    @Option(names = "--prune", description = "Also delete rows whose resource is gone.")
    boolean prune;

    protected abstract Kind kind();

    @Override
    protected void run(Session s) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("dryRun", String.valueOf(!apply));
        if (prune) {
            query.put("prune", "true");
        }
        s.output().value(s.client().send("POST", kind().path() + "/repair", query, null, Map.of()).object(), "entries", ENTRIES);
        if (!apply) {
            s.output().note("dry run: nothing was changed; add --apply to repair");
        }
    }
}
