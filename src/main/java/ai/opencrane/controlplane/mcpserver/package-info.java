/**
 * MCP server registrations (tables {@code mcp_servers}, {@code mcp_server_credentials}; their grants are
 * rows of {@code grants}): {@code /api/v1/mcp-servers}. Endpoints must be safe outbound targets
 * ({@code outbound/}); credentials name Kubernetes Secrets and never carry secret values.
 */
package ai.opencrane.controlplane.mcpserver;
