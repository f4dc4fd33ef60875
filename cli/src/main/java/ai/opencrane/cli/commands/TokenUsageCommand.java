package ai.opencrane.cli.commands;

import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "token-usage", description = "Token usage records: tokens and cost per tenant and model.",
        footerHeading = ApiCommand.EXAMPLE, footer = "  opencrane token-usage --tenant alice --all")
public final class TokenUsageCommand extends ListCommand {

    @Option(names = "--tenant", paramLabel = "NAME", description = "Only this tenant's usage.")
    String tenant;

    @Override
    protected Kind kind() {
        return Kinds.TOKEN_USAGE;
    }

    @Override
    protected void filters(Map<String, String> query) {
        query.put("tenant", tenant);
    }
}
