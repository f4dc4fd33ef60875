package ai.opencrane.cli.commands;

import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "groups", description = "Groups of tenants and users, and the grants they carry.",
        subcommands = {GroupCommands.List.class, GroupCommands.Get.class, GroupCommands.Create.class,
                GroupCommands.Update.class, GroupCommands.Delete.class},
        footerHeading = ApiCommand.EXAMPLE, footer = "  opencrane groups list --member alice")
public final class GroupCommands {

    /** The common fields as flags; the others (grants, ...) only come from {@code --file}. */
    static final class Fields {
        @Option(names = "--name", paramLabel = "NAME", description = "The group's name.")
        String name;

        @Option(names = "--scope", paramLabel = "SCOPE", description = "org, department, project or personal.")
        String scope;

        @Option(names = "--description", paramLabel = "TEXT", description = "What the group is for.")
        String description;

        @Option(names = "--member", paramLabel = "PRINCIPAL", split = ",",
                description = "A tenant name or user id (repeatable); replaces all members.")
        java.util.List<String> members;

        void into(Body body) {
            body.put("name", name).put("scope", scope).put("description", description).put("members", members);
        }
    }

    @Command(name = "list", description = "List groups.",
            footerHeading = ApiCommand.EXAMPLE, footer = "  opencrane groups list --scope department --all")
    static final class List extends ListCommand {
        @Option(names = "--scope", paramLabel = "SCOPE", description = "Only groups of this scope.")
        String scope;

        @Option(names = "--member", paramLabel = "PRINCIPAL", description = "Only groups containing this tenant or user.")
        String member;

        @Override
        protected Kind kind() {
            return Kinds.GROUPS;
        }

        @Override
        protected void filters(Map<String, String> query) {
            query.put("scope", scope);
            query.put("member", member);
        }
    }

    @Command(name = "get", description = "Show a group.",
            footerHeading = ApiCommand.EXAMPLE, footer = "  opencrane groups get \"$GROUP_ID\"")
    static final class Get extends GetCommand {
        @Parameters(paramLabel = "ID", description = "The group's id.")
        String id;

        @Override
        protected Kind kind() {
            return Kinds.GROUPS;
        }

        @Override
        protected String id() {
            return id;
        }
    }

    @Command(name = "create", description = "Create a group.", footerHeading = ApiCommand.EXAMPLE,
            footer = {"  opencrane groups create --name research --scope department --member alice,bob",
                    "  opencrane groups create -f research.json"})
    static final class Create extends CreateCommand {
        @Mixin
        Fields fields;

        @Override
        protected Kind kind() {
            return Kinds.GROUPS;
        }

        @Override
        protected void fields(Body body) {
            fields.into(body);
        }
    }

    @Command(name = "update", description = "Change a group: the fields given are replaced, the others kept.",
            footerHeading = ApiCommand.EXAMPLE, footer = "  opencrane groups update \"$GROUP_ID\" --member alice,bob,carol")
    static final class Update extends UpdateCommand {
        @Parameters(paramLabel = "ID", description = "The group's id.")
        String id;

        @Mixin
        Fields fields;

        @Override
        protected Kind kind() {
            return Kinds.GROUPS;
        }

        @Override
        protected String id() {
            return id;
        }

        @Override
        protected void fields(Body body) {
            fields.into(body);
        }
    }

    @Command(name = "delete", description = "Delete a group.",
            footerHeading = ApiCommand.EXAMPLE, footer = "  opencrane groups delete \"$GROUP_ID\"")
    static final class Delete extends DeleteCommand {
        @Parameters(paramLabel = "ID", description = "The group's id.")
        String id;

        @Override
        protected Kind kind() {
            return Kinds.GROUPS;
        }

        @Override
        protected String id() {
            return id;
        }
    }
}
