package ai.opencrane.controlplane.contract;

/** An MCP server the principal is allowed, with what a contract needs to reach it. */
public record EntitledMcpServer(String id, String name, String transport, String endpoint, String status, String scope) {
}
