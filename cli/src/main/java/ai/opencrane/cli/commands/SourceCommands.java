package ai.opencrane.cli.commands;

import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sources", description = "Third-party sources that feed the catalogues (MCP registries, skill repositories).",
        subcommands = {SourceCommands.List.class, SourceCommands.Get.class, SourceCommands.Create.class,
                SourceCommands.Update.class, SourceCommands.Delete.class},
        footerHeading = ApiCommand.EXAMPLE, footer = "  opencrane sources list")
public final class SourceCommands {

    /** The common fields as flags; the others (grants, ...) only come from {@code --file}. */
    static final class Fields {
        @Option(names = "--name", paramLabel = "NAME", description = "The source's name.")
        String name;

        @Option(names = "--type", paramLabel = "TYPE",
                description = "mcp-registry, anthropic-skills, git-repository or manual-upload.")
        String type;

        @Option(names = "--source-url", paramLabel = "URL", description = "Its https URL (the field url).")
        String url;

        @Option(names = "--sync-mode", paramLabel = "MODE", description = "scheduled or manual.")
        String syncMode;

        @Option(names = "--status", paramLabel = "STATUS", description = "healthy, syncing, error or pending-approval.")
        String status;

        @Option(names = "--notes", paramLabel = "TEXT", description = "Notes for operators.")
        String notes;

        void into(Body body) {
            body.put("name", name).put("type", type).put("url", url).put("syncMode", syncMode).put("status", status)
                    .put("notes", notes);
        }
    }

    @Command(name = "list", description = "List third-party sources.",
            footerHeading = ApiCommand.EXAMPLE, footer = "  opencrane sources list --type git-repository")
    static final class List extends ListCommand {
        @Option(names = "--type", paramLabel = "TYPE", description = "Only sources of this type.")
        String type;

        @Option(names = "--status", paramLabel = "STATUS", description = "Only sources in this status.")
        String status;

        @Option(names = "--sync-mode", paramLabel = "MODE", description = "Only sources with this sync mode.")
        String syncMode;

        @Override
        protected Kind kind() {
            return Kinds.SOURCES;
        }

        @Override
        protected void filters(Map<String, String> query) {
            query.put("type", type);
            query.put("status", status);
            query.put("syncMode", syncMode);
        }
    }

    @Command(name = "get", description = "Show a third-party source.",
            footerHeading = ApiCommand.EXAMPLE, footer = "  opencrane sources get \"$SOURCE_ID\"")
    static final class Get extends GetCommand {
        @Parameters(paramLabel = "ID", description = "The source's id.")
        String id;

        @Override
        protected Kind kind() {
            return Kinds.SOURCES;
        }

        @Override
        protected String id() {
            return id;
        }
    }

    @Command(name = "create", description = "Register a third-party source.", footerHeading = ApiCommand.EXAMPLE,
            footer = {"  opencrane sources create --name community-skills --type git-repository \\",
                    "      --source-url https://git.example.com/skills.git",
                    "  opencrane sources create -f source.json"})
    static final class Create extends CreateCommand {
        @Mixin
        Fields fields;

        @Override
        protected Kind kind() {
            return Kinds.SOURCES;
        }

        @Override
        protected void fields(Body body) {
            fields.into(body);
        }
    }

    @Command(name = "update", description = "Change a third-party source: the fields given are replaced, the others kept.",
            footerHeading = ApiCommand.EXAMPLE, footer = "  opencrane sources update \"$SOURCE_ID\" --sync-mode scheduled")
    static final class Update extends UpdateCommand {
        @Parameters(paramLabel = "ID", description = "The source's id.")
        String id;

        @Mixin
        Fields fields;

        @Override
        protected Kind kind() {
            return Kinds.SOURCES;
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

    @Command(name = "delete", description = "Remove a third-party source.",
            footerHeading = ApiCommand.EXAMPLE, footer = "  opencrane sources delete \"$SOURCE_ID\"")
    static final class Delete extends DeleteCommand {
        @Parameters(paramLabel = "ID", description = "The source's id.")
        String id;

        @Override
        protected Kind kind() {
            return Kinds.SOURCES;
        }

        @Override
        protected String id() {
            return id;
        }
    }
}
