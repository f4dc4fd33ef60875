package ai.opencrane.controlplane.contract;

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

import jakarta.json.JsonArrayBuilder;
import ai.opencrane.controlplane.api.JsonMapping;

/**
 * Loads what resolving one principal's grants needs, in four statements whatever the data size: the group
 * memberships naming it, the grants whose subject is it, its user or one of those groups, then the allowed
 * MCP servers and skill bundles. Plain JDBC on a given connection, so the same code runs in the server and
 * in the scale test.
 */
public final class GrantQueries {

    /** A list parameter, sent as a JSON array of strings (no driver array types, so any pool wrapper will do). */
    private static final String ELEMENTS = "SELECT jsonb_array_elements_text(CAST(? AS jsonb))";
    private static final String LIST = "ANY(ARRAY(" + ELEMENTS + "))";
    static final String MEMBERSHIPS = "SELECT group_id, principal FROM group_members WHERE lower(principal) = " + LIST;
    static final String CANDIDATES = "SELECT id, payload_type, payload_id, subject_type, subject_id, access, priority, "
            + "created_at FROM grants WHERE (subject_type = 'tenant' AND subject_id = ?) "
            + "OR (subject_type = 'user' AND lower(subject_id) = " + LIST + ") "
            + "OR (subject_type = 'group' AND subject_id = " + LIST + ")";
    /**
     * The same list as a set to join with: for the hundreds of allowed ids of a large catalogue a hash semi-join,
     * where {@code = ANY} compared every row with every id (measured: 5.3 ms against 0.7 ms for 300 of 500 servers).
     */
    private static final String IN_LIST = "IN (" + ELEMENTS + ")";
    static final String SERVERS = "SELECT id, name, transport, endpoint, status, scope FROM mcp_servers "
            + "WHERE id " + IN_LIST + " ORDER BY name, id";
    static final String SKILLS = "SELECT id, name, scope, version, digest, status FROM skill_bundles "
            + "WHERE id " + IN_LIST + " ORDER BY name, version, id";

    private GrantQueries() {
    }

    public static TenantGrants load(Connection c, GrantPrincipal principal) throws SQLException {
        Map<String, List<String>> groups = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(MEMBERSHIPS)) {
            s.setString(1, list(principal.identities()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    groups.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        List<GrantCandidate> candidates = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(CANDIDATES)) {
            s.setString(1, principal.tenant());
            s.setString(2, list(principal.users()));
            s.setString(3, list(groups.keySet()));
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
                s.setString(1, list(serverIds));
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
                s.setString(1, list(skillIds));
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

    private static String list(Collection<String> values) {
        JsonArrayBuilder array = JsonMapping.JSON.createArrayBuilder();
        values.forEach(array::add);
        return array.build().toString();
    }
}
