package ai.opencrane.controlplane.contract;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads what resolving one principal's grants needs, in four statements whatever the data size: the group
 * memberships naming it, the grants whose subject is it, its user or one of those groups, then the allowed
 * MCP servers and skill bundles. Plain JDBC on a given connection, so the same code runs in the server and
 * in the scale test.
 */
public final class GrantQueries {

    static final String MEMBERSHIPS = "SELECT group_id, principal FROM group_members WHERE lower(principal) = ANY(?)";
    static final String CANDIDATES = "SELECT id, payload_type, payload_id, subject_type, subject_id, access, priority, "
            + "created_at FROM grants WHERE (subject_type = 'tenant' AND subject_id = ?) "
            + "OR (subject_type = 'user' AND lower(subject_id) = ANY(?)) "
            + "OR (subject_type = 'group' AND subject_id = ANY(?))";
    static final String SERVERS = "SELECT id, name, transport, endpoint, status, scope FROM mcp_servers "
            + "WHERE id = ANY(?) ORDER BY name, id";
    static final String SKILLS = "SELECT id, name, scope, version, digest, status FROM skill_bundles "
            + "WHERE id = ANY(?) ORDER BY name, version, id";

    private GrantQueries() {
    }

    public static TenantGrants load(Connection c, GrantPrincipal principal) throws SQLException {
        Map<String, List<String>> groups = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(MEMBERSHIPS)) {
            s.setArray(1, texts(c, principal.identities()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    groups.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        List<GrantCandidate> candidates = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(CANDIDATES)) {
            s.setString(1, principal.tenant());
            s.setArray(2, texts(c, principal.users()));
            s.setArray(3, texts(c, groups.keySet()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Timestamp created = rs.getTimestamp(8);
                    candidates.add(new GrantCandidate(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7), created.toInstant()));
                }
            }
        }
        ResolvedGrants decisions = GrantResolver.resolve(principal, groups, candidates);
        List<EntitledMcpServer> servers = new ArrayList<>();
        List<String> serverIds = ResolvedGrants.allowedIds(decisions.mcpServers());
        if (!serverIds.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement(SERVERS)) {
                s.setArray(1, texts(c, serverIds));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        servers.add(new EntitledMcpServer(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6)));
                    }
                }
            }
        }
        List<EntitledSkill> skills = new ArrayList<>();
        List<String> skillIds = ResolvedGrants.allowedIds(decisions.skillBundles());
        if (!skillIds.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement(SKILLS)) {
                s.setArray(1, texts(c, skillIds));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        skills.add(new EntitledSkill(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6)));
                    }
                }
            }
        }
        List<String> groupIds = new ArrayList<>(groups.keySet());
        groupIds.sort(null);
        return new TenantGrants(decisions, List.copyOf(groupIds), List.copyOf(servers), List.copyOf(skills));
    }

    private static Array texts(Connection c, Collection<String> values) throws SQLException {
        return c.createArrayOf("text", values.toArray(new String[0]));
    }
}
