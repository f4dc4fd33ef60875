package ai.opencrane.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import ai.opencrane.cli.commands.AuditCommand;
import ai.opencrane.cli.commands.BudgetCommands;
import ai.opencrane.cli.commands.CompletionCommand;
import ai.opencrane.cli.commands.GroupCommands;
import ai.opencrane.cli.commands.LoginCommand;
import ai.opencrane.cli.commands.LogoutCommand;
import ai.opencrane.cli.commands.McpServerCommands;
import ai.opencrane.cli.commands.MetricsCommands;
import ai.opencrane.cli.commands.OpenApiCommand;
import ai.opencrane.cli.commands.PolicyCommands;
import ai.opencrane.cli.commands.ProviderKeyCommands;
import ai.opencrane.cli.commands.SkillCommands;
import ai.opencrane.cli.commands.SourceCommands;
import ai.opencrane.cli.commands.TenantCommands;
import ai.opencrane.cli.commands.TokenCommands;
import ai.opencrane.cli.commands.TokenUsageCommand;
import ai.opencrane.cli.commands.WhoamiCommand;
import ai.opencrane.cli.output.Format;

/** The top command; its options apply to every subcommand and may be given anywhere on the line. */
@Command(name = "opencrane", versionProvider = Version.class,
        description = "Manage an OpenCrane control plane: tenants, access policies, catalogues, credentials, budgets, audit.",
        subcommands = {LoginCommand.class, LogoutCommand.class, WhoamiCommand.class, TenantCommands.class,
                PolicyCommands.class, McpServerCommands.class, GroupCommands.class, SkillCommands.class,
                SourceCommands.class, TokenCommands.class, ProviderKeyCommands.class, BudgetCommands.class,
                AuditCommand.class, TokenUsageCommand.class, MetricsCommands.class, OpenApiCommand.class,
                CompletionCommand.class, HelpCommand.class},
        footerHeading = "%nEnvironment:%n",
        footer = {"  OPENCRANE_URL     server URL (default http://localhost:9080)",
                "  OPENCRANE_TOKEN   bearer token (or run: opencrane login)",
                "",
                "Exit codes: 0 done, 1 the API refused the request, 2 usage error, 3 cannot reach the server.",
                "",
                "Example:",
                "  export OPENCRANE_URL=https://opencrane.example.com",
                "  opencrane login < token.txt",
                "  opencrane tenants list -o json"})
public final class OpenCrane {

    @Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "Server URL (default: $OPENCRANE_URL, else the saved login's, else http://localhost:9080).")
    String url;

    @Option(names = "--token", scope = ScopeType.INHERIT, paramLabel = "TOKEN",
            description = "Bearer token (default: $OPENCRANE_TOKEN, else the saved login's). Prefer the variable or "
                    + "opencrane login: other users can see command arguments.")
    String token;

    @Option(names = {"-o", "--output"}, scope = ScopeType.INHERIT, paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).", defaultValue = "table")
    Format format;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Show each request, its status and its request id on standard error.")
    boolean verbose;

    @Option(names = "--timeout", scope = ScopeType.INHERIT, paramLabel = "SECONDS", defaultValue = "60",
            description = "Give up on the server after this many seconds (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    private final Io io;
    private Session session;

    public OpenCrane(Io io) {
        this.io = io;
    }

    Session session() {
        if (session == null) {
            session = Session.create(this, false);
        }
        return session;
    }

    Io io() {
        return io;
    }

    String url() {
        return url;
    }

    String token() {
        return token;
    }

    Format format() {
        return format;
    }

    boolean verbose() {
        return verbose;
    }

    int timeoutSeconds() {
        if (timeoutSeconds < 1) {
            throw Failure.usage("--timeout must be at least 1 second");
        }
        return timeoutSeconds;
    }
}
