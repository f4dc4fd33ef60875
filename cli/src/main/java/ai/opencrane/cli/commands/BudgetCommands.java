package ai.opencrane.cli.commands;

import java.math.BigDecimal;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import ai.opencrane.cli.Client;
import ai.opencrane.cli.Failure;
import ai.opencrane.cli.Session;

@Command(name = "budgets", description = "AI budgets: the global and per-user monthly limits, tenants' spend and LiteLLM keys.",
        subcommands = {BudgetCommands.Global.class, BudgetCommands.Accounts.class, BudgetCommands.Spend.class,
                BudgetCommands.LitellmKey.class, BudgetCommands.Revoke.class},
        footerHeading = ApiCommand.EXAMPLE, footer = "  opencrane budgets spend alice")
public final class BudgetCommands {

    /** The limit to set: {@code --monthly-limit} or a {@code --file} body. */
    static final class Limit {
        @Option(names = "--monthly-limit", paramLabel = "USD", description = "The monthly limit in USD.")
        BigDecimal monthlyLimitUsd;

        @Option(names = {"-f", "--file"}, paramLabel = "FILE",
                description = "The body, a JSON object ('-' reads standard input).")
        String file;

        Body body(Session s) {
            Body body = Body.from(file, s.io()).put("monthlyLimitUsd", monthlyLimitUsd);
            if (body.isEmpty()) {
                throw Failure.usage("give --monthly-limit or --file");
            }
            return body;
        }
    }

    @Command(name = "global", description = "The organisation-wide monthly budget.",
            subcommands = {GlobalGet.class, GlobalSet.class},
            footerHeading = ApiCommand.EXAMPLE, footer = "  opencrane budgets global get")
    static final class Global {
    }

    @Command(name = "get", description = "Show the global budget.", footerHeading = ApiCommand.EXAMPLE,
            footer = "  opencrane budgets global get -o json")
    static final class GlobalGet extends ApiCommand {
        @Override
        protected void run(Session s) {
            s.output().value(s.client().get("/ai-budget/global", null).body());
        }
    }

    @Command(name = "set", description = "Set (or with --no-limit remove) the global monthly budget.",
            footerHeading = ApiCommand.EXAMPLE, footer = "  opencrane budgets global set --monthly-limit 5000")
    static final class GlobalSet extends ApiCommand {
        @Mixin
        Limit limit;

        @Option(names = "--no-limit", description = "Remove the global limit.")
        boolean noLimit;

        @Override
        protected void run(Session s) {
            Body body = noLimit ? Body.empty().clear(java.util.List.of("monthlyLimitUsd")) : limit.body(s);
            s.output().value(s.client().send("PUT", "/ai-budget/global", null, body.json(), Map.of()).body());
        }
    }

    @Command(name = "accounts", description = "Per-user monthly budgets.",
            subcommands = {AccountList.class, AccountSet.class, AccountDelete.class},
            footerHeading = ApiCommand.EXAMPLE, footer = "  opencrane budgets accounts list")
    static final class Accounts {
    }

    @Command(name = "list", description = "List per-user budgets.", footerHeading = ApiCommand.EXAMPLE,
            footer = "  opencrane budgets accounts list --all")
    static final class AccountList extends ListCommand {
        @Override
        protected Kind kind() {
            return Kinds.BUDGET_ACCOUNTS;
        }
    }

    @Command(name = "set", description = "Set a user's monthly budget.", footerHeading = ApiCommand.EXAMPLE,
            footer = "  opencrane budgets accounts set alice@example.com --monthly-limit 50")
    static final class AccountSet extends ApiCommand {
        @Parameters(paramLabel = "USER", description = "The user's id.")
        String user;

        @Mixin
        Limit limit;

        @Override
        protected void run(Session s) {
            s.output().value(s.client().send("PUT", Kinds.BUDGET_ACCOUNTS.item(user), null, limit.body(s).json(), Map.of()).body());
        }
    }

    @Command(name = "delete", description = "Remove a user's budget.", footerHeading = ApiCommand.EXAMPLE,
            footer = "  opencrane budgets accounts delete alice@example.com")
    static final class AccountDelete extends DeleteCommand {
        @Parameters(paramLabel = "USER", description = "The user's id.")
        String user;

        @Override
        protected Kind kind() {
            return Kinds.BUDGET_ACCOUNTS;
        }

        @Override
        protected String id() {
            return user;
        }
    }

    @Command(name = "spend", description = "A tenant's current spend against its budget (from LiteLLM).",
            footerHeading = ApiCommand.EXAMPLE, footer = "  opencrane budgets spend alice")
    static final class Spend extends ApiCommand {
        @Parameters(paramLabel = "TENANT", description = "The tenant's name.")
        String tenant;

        @Override
        protected void run(Session s) {
            s.output().value(s.client().get("/ai-budget/" + Client.segment(tenant) + "/spend", null).body());
        }
    }

    @Command(name = "litellm-key", description = "Show a tenant's LiteLLM virtual key (its metadata).",
            footerHeading = ApiCommand.EXAMPLE, footer = "  opencrane budgets litellm-key alice")
    static final class LitellmKey extends ApiCommand {
        @Parameters(paramLabel = "TENANT", description = "The tenant's name.")
        String tenant;

        @Override
        protected void run(Session s) {
            s.output().value(s.client().get("/ai-budget/" + Client.segment(tenant) + "/litellm-key", null).body());
        }
    }

    @Command(name = "revoke", description = "Revoke a tenant's LiteLLM virtual key (in LiteLLM itself).",
            footerHeading = ApiCommand.EXAMPLE, footer = "  opencrane budgets revoke alice")
    static final class Revoke extends ApiCommand {
        @Parameters(paramLabel = "TENANT", description = "The tenant's name.")
        String tenant;

        @Override
        protected void run(Session s) {
            var answer = s.client().send("POST", "/ai-budget/" + Client.segment(tenant) + "/litellm-key/revoke",
                    null, null, Map.of()).body();
            s.output().result(answer, "LiteLLM key of tenant " + tenant + " revoked");
        }
    }
}
