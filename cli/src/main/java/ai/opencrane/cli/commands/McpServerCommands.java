package ai.opencrane.cli.commands;

import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "mcp-servers", description = "MCP server registrations: the tools tenants' assistants may call.",
        subcommands = {McpServerCommands.List.class, McpServerCommands.Get.class, McpServerCommands.Create.class,
                McpServerCommands.Update.class, McpServerCommands.Delete.class},
        footerHeading = ApiCommand.EXAMPLE, footer = "  opencrane mcp-servers list --scope org")
public final class McpServerCommands {

    /** The common fields as flags; grants and credentials only come from {@code --file}. */
    static final class Fields {
        @Option(names = "--name", paramLabel = "NAME", description = "The server's name.")
        String name;

        @Option(names = "--description", paramLabel = "TEXT", description = "What the server offers.")
        String description;

        @Option(names = "--endpoint", paramLabel = "URL", description = "Its https URL.")
        String endpoint;

        @Option(names = "--scope", paramLabel = "SCOPE", description = "org, department, project or personal.")
        String scope;

        @Option(names = "--transport", paramLabel = "TRANSPORT", description = "streamable-http, sse or websocket.")
        String transport;

        @Option(names = "--status", paramLabel = "STATUS", description = "active, degraded or draft.")
        String status;

        @Option(names = "--capability", paramLabel = "NAME", split = ",", description = "A capability (repeatable).")
        java.util.List<String> capabilities;

        @Option(names = "--source", paramLabel = "ID", description = "The third-party source it came from (sourceId).")
        String sourceId;

        void into(Body body) {
            body.put("name", name).put("description", description).put("endpoint", endpoint).put("scope", scope)
                    .put("transport", transport).put("status", status).put("capabilities", capabilities)
                    .put("sourceId", sourceId);
        }
    }

    @Command(name = "list", description = "List MCP servers.",
            footerHeading = ApiCommand.EXAMPLE, footer = "  opencrane mcp-servers list --status active --all")
    static final class List extends ListCommand {
        @Option(names = "--scope", paramLabel = "SCOPE", description = "Only servers of this scope.")
        String scope;

        @Option(names = "--status", paramLabel = "STATUS", description = "Only servers in this status.")
        String status;

        @Option(names = "--transport", paramLabel = "TRANSPORT", description = "Only servers with this transport.")
        String transport;

        @Option(names = "--source", paramLabel = "ID", description = "Only servers from this third-party source.")
        String sourceId;

        @Override
        protected Kind kind() {
            return Kinds.MCP_SERVERS;
        }

        @Override
        protected void filters(Map<String, String> query) {
            query.put("scope", scope);
            query.put("status", status);
            query.put("transport", transport);
            query.put("sourceId", sourceId);
        }
    }

    @Command(name = "get", description = "Show an MCP server.",
            footerHeading = ApiCommand.EXAMPLE, footer = "  opencrane mcp-servers get \"$SERVER_ID\"")
    static final class Get extends GetCommand {
        @Parameters(paramLabel = "ID", description = "The server's id.")
        String id;

        @Override
        protected Kind kind() {
            return Kinds.MCP_SERVERS;
        }

        @Override
        protected String id() {
            return id;
        }
    }

    @Command(name = "create", description = "Register an MCP server.", footerHeading = ApiCommand.EXAMPLE,
            footer = {"  opencrane mcp-servers create --name github --scope org \\",
                    "      --endpoint https://mcp.example.com/github --transport streamable-http",
                    "  opencrane mcp-servers create -f github.json"})
    static final class Create extends CreateCommand {
        @Mixin
        Fields fields;

        @Override
        protected Kind kind() {
            return Kinds.MCP_SERVERS;
        }

        @Override
        protected void fields(Body body) {
            fields.into(body);
        }
    }

    @Command(name = "update", description = "Change an MCP server: the fields given are replaced, the others kept.",
            footerHeading = ApiCommand.EXAMPLE, footer = "  opencrane mcp-servers update \"$SERVER_ID\" --status active")
    static final class Update extends UpdateCommand {
        @Parameters(paramLabel = "ID", description = "The server's id.")
        String id;

        @Mixin
        Fields fields;

        @Override
        protected Kind kind() {
            return Kinds.MCP_SERVERS;
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

    @Command(name = "delete", description = "Remove an MCP server registration.",
            footerHeading = ApiCommand.EXAMPLE, footer = "  opencrane mcp-servers delete \"$SERVER_ID\"")
    static final class Delete extends DeleteCommand {
        @Parameters(paramLabel = "ID", description = "The server's id.")
        String id;

        @Override
        protected Kind kind() {
            return Kinds.MCP_SERVERS;
        }

        @Override
        protected String id() {
            return id;
        }
    }
}
