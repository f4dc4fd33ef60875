package ai.opencrane.cli.commands;

import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "token-usage", description = "Token usage records: tokens and cost per tenant and model.",
        footerHeading = ApiCommand.EXAMPLE, footer = "  opencrane token-usage --tenant alice --from 2026-11-01 --all")
public final class TokenUsageCommand extends ListCommand {

    @Option(names = "--tenant", paramLabel = "NAME", description = "Only this tenant's usage.")
    String tenant;

    @Option(names = "--model", paramLabel = "MODEL", description = "Only requests for this model.")
    String model;

    @Option(names = "--from", paramLabel = "TIME", description = "Requests at or after this time (RFC 3339, or a date).")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "Requests before this time (RFC 3339, or a date).")
    String to;

    @Override
    protected Kind kind() {
        return Kinds.TOKEN_USAGE;
    }

    @Override
    protected void filters(Map<String, String> query) {
        query.put("tenant", tenant);
        query.put("model", model);
        query.put("from", from);
        query.put("to", to);
    }
}
