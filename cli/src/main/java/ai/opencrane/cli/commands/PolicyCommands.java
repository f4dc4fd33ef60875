package ai.opencrane.cli.commands;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "policies", description = "Access policies: what the tenants they bind may reach (AccessPolicy resources).",
        subcommands = {PolicyCommands.List.class, PolicyCommands.Get.class, PolicyCommands.Create.class,
                PolicyCommands.Update.class, PolicyCommands.Delete.class, PolicyCommands.Drift.class,
                PolicyCommands.Repair.class},
        footerHeading = ApiCommand.EXAMPLE, footer = "  opencrane policies list")
public final class PolicyCommands {

    @Command(name = "list", description = "List access policies, newest first.",
            footerHeading = ApiCommand.EXAMPLE, footer = "  opencrane policies list --all -o json")
    static final class List extends ListCommand {
        @Override
        protected Kind kind() {
            return Kinds.POLICIES;
        }

    }

    @Command(name = "get", description = "Show an access policy.",
            footerHeading = ApiCommand.EXAMPLE, footer = "  opencrane policies get research-egress")
    static final class Get extends GetCommand {
        @Parameters(paramLabel = "NAME", description = "The policy's name.")
        String name;

        @Override
        protected Kind kind() {
            return Kinds.POLICIES;
        }

        @Override
        protected String id() {
            return name;
        }
    }

    @Command(name = "create", description = "Create an access policy (its AccessPolicy resource, then its projection).",
            footerHeading = ApiCommand.EXAMPLE,
            footer = {"  opencrane policies create research-egress --match-team research \\",
                    "      --allow-domain api.openai.com",
                    "  opencrane policies create -f policy.json"})
    static final class Create extends CreateCommand {
        @Parameters(paramLabel = "NAME", arity = "0..1", description = "The policy's name (a DNS label); or give it in the file.")
        String name;

        @Mixin
        PolicyFields fields;

        @Override
        protected Kind kind() {
            return Kinds.POLICIES;
        }

        @Override
        protected void fields(Body body) {
            body.put("name", name);
            fields.into(body);
        }
    }

    @Command(name = "update", description = "Change an access policy: the fields given are replaced, the others kept.",
            footerHeading = ApiCommand.EXAMPLE, footer = {"  opencrane policies update research-egress --deny-domain evil.example.org",
                    "  opencrane policies update research-egress --unset description --if-match 7"})
    static final class Update extends UpdateCommand {
        @Parameters(paramLabel = "NAME", description = "The policy's name.")
        String name;

        @Mixin
        PolicyFields fields;

        @Override
        protected Kind kind() {
            return Kinds.POLICIES;
        }

        @Override
        protected String id() {
            return name;
        }

        @Override
        protected void fields(Body body) {
            fields.into(body);
        }
    }

    @Command(name = "delete", description = "Delete an access policy.",
            footerHeading = ApiCommand.EXAMPLE, footer = "  opencrane policies delete research-egress")
    static final class Delete extends DeleteCommand {
        @Parameters(paramLabel = "NAME", description = "The policy's name.")
        String name;

        @Override
        protected Kind kind() {
            return Kinds.POLICIES;
        }

        @Override
        protected String id() {
            return name;
        }
    }

    @Command(name = "drift", description = "Where the access_policies table differs from the AccessPolicy resources.",
            footerHeading = ApiCommand.EXAMPLE, footer = "  opencrane policies drift")
    static final class Drift extends DriftCommand {
        @Override
        protected Kind kind() {
            return Kinds.POLICIES;
        }
    }

    @Command(name = "repair", description = "Repair the access_policies table from the AccessPolicy resources (a dry run unless --apply).",
            footerHeading = ApiCommand.EXAMPLE, footer = {"  opencrane policies repair            # what would change",
                    "  opencrane policies repair --apply"})
    static final class Repair extends RepairCommand {
        @Override
        protected Kind kind() {
            return Kinds.POLICIES;
        }
    }
}
