package ai.opencrane.controlplane.contract;

import java.util.List;

/**
 * Everything grants say about one principal: the decisions per payload family, the groups that contain it,
 * and the allowed MCP servers and skill bundles (every status; ordered by name) for the contract to publish.
 * Filtering by status (e.g. only {@code active} servers, only {@code published} skills) is the contract's call.
 */
public record TenantGrants(ResolvedGrants decisions, List<String> groupIds, List<EntitledMcpServer> mcpServers,
                           List<EntitledSkill> skills) {
}
