package ai.opencrane.cli.commands;

import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import ai.opencrane.cli.Session;

@Command(name = "tokens", description = "Access tokens for automation (ocp_...); a token acts as the principal that created it.",
        subcommands = {TokenCommands.List.class, TokenCommands.Create.class, TokenCommands.Revoke.class},
        footerHeading = ApiCommand.EXAMPLE, footer = "  opencrane tokens create --name ci --expires-at 2027-01-01T00:00:00Z")
public final class TokenCommands {

    @Command(name = "list", description = "List access tokens (never the tokens themselves).",
            footerHeading = ApiCommand.EXAMPLE, footer = "  opencrane tokens list --all")
    static final class List extends ListCommand {
        @Override
        protected Kind kind() {
            return Kinds.TOKENS;
        }
    }

    @Command(name = "create", description = "Create an access token. The token is printed once: store it right away.",
            footerHeading = ApiCommand.EXAMPLE,
            footer = {"  opencrane tokens create --name ci --scope read",
                    "  opencrane tokens create --name deploy -o json | jq -r .plainTextToken > t"})
    static final class Create extends CreateCommand {
        @Option(names = "--name", paramLabel = "NAME", description = "What the token is for.")
        String name;

        @Option(names = "--owner", paramLabel = "LABEL", description = "Who the token is for (a label).")
        String owner;

        @Option(names = "--expires-at", paramLabel = "TIME",
                description = "When it stops working (ISO-8601, e.g. 2027-01-01T00:00:00Z).")
        String expiresAt;

        @Option(names = "--scope", paramLabel = "SCOPE", split = ",",
                description = "read or write (repeatable; default both).")
        java.util.List<String> scopes;

        @Override
        protected Kind kind() {
            return Kinds.TOKENS;
        }

        @Override
        protected void fields(Body body) {
            body.put("name", name).put("owner", owner).put("expiresAt", expiresAt).put("scopes", scopes);
        }

        @Override
        protected void run(Session s) {
            super.run(s);
            s.output().note("This is the only time the token is shown: store it now.");
        }
    }

    @Command(name = "revoke", aliases = "delete", description = "Revoke an access token; it stops working on the next request.",
            footerHeading = ApiCommand.EXAMPLE, footer = "  opencrane tokens revoke \"$TOKEN_ID\"")
    static final class Revoke extends ApiCommand {
        @Parameters(paramLabel = "ID", description = "The token's id (from tokens list).")
        String id;

        @Override
        protected void run(Session s) {
            s.client().send("DELETE", Kinds.TOKENS.item(id), null, null, Map.of());
            s.output().message("access token " + id + " revoked");
        }
    }
}
