package ai.opencrane.cli.commands;

import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "audit", description = "The audit log, newest first: who changed what, when.",
        footerHeading = ApiCommand.EXAMPLE, footer = {"  opencrane audit --tenant alice --limit 20",
                "  opencrane audit --all -o json > audit.json"})
public final class AuditCommand extends ListCommand {

    @Option(names = "--tenant", paramLabel = "NAME", description = "Only entries about this tenant.")
    String tenant;

    @Override
    protected Kind kind() {
        return Kinds.AUDIT;
    }

    @Override
    protected void filters(Map<String, String> query) {
        query.put("tenant", tenant);
    }
}
