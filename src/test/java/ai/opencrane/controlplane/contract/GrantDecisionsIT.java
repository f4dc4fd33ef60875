package ai.opencrane.controlplane.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ai.opencrane.controlplane.testkit.Catalogue;
import ai.opencrane.controlplane.testkit.ControlPlane;

/** Grants written through the API, resolved by the loader the contract uses, against the same database. */
class GrantDecisionsIT {

    @Test
    void resolvesWhatTheApiStored() throws SQLException {
        String tenant = Catalogue.unique("t").replaceAll("[^a-z0-9-]", "");
        String email = tenant + "@Example.com";
        String team = Catalogue.unique("team");
        String groupId = Catalogue.group(team, "\"members\": [\"" + tenant + "\"]").getString("id");
        String mailGroup = Catalogue.group(Catalogue.unique("by-mail"), "\"members\": [\"" + email.toUpperCase() + "\"]")
                .getString("id");
        String open = Catalogue.mcpServer(Catalogue.unique("open"), """
                "grants": [{"subjectType": "group", "subjectId": "%s", "access": "allow"}]""".formatted(groupId))
                .getString("id");
        String contested = Catalogue.mcpServer(Catalogue.unique("contested"), """
                "grants": [{"subjectType": "group", "subjectId": "%s", "access": "allow", "priority": 1},
                           {"subjectType": "tenant", "subjectId": "%s", "access": "deny", "priority": 1}]"""
                .formatted(groupId, tenant)).getString("id");
        String overridden = Catalogue.mcpServer(Catalogue.unique("overridden"), """
                "grants": [{"subjectType": "group", "subjectId": "%s", "access": "deny"},
                           {"subjectType": "user", "subjectId": "%s", "access": "allow", "priority": 5}]"""
                .formatted(mailGroup, email.toLowerCase())).getString("id");
        Catalogue.mcpServer(Catalogue.unique("ungranted"), "");
        String skill = Catalogue.skill(Catalogue.unique("entitled"), """
                "grants": [{"subjectType": "user", "subjectId": "%s", "access": "allow"}]""".formatted(email)).getString("id");
        Catalogue.group(Catalogue.unique("lists"), """
                "grants": [{"payloadType": "awareness", "payloadId": "kb/%s", "subjectType": "tenant", "subjectId": "%s",
                            "access": "allow"}]""".formatted(team, tenant));

        TenantGrants grants;
        try (Connection c = ControlPlane.db().connect()) {
            grants = GrantQueries.load(c, new GrantPrincipal(tenant, team, email, Map.of("tier", "gold")));
        }
        assertEquals(List.of(groupId, mailGroup).stream().sorted().toList(), grants.groupIds());
        Map<String, String> mcp = new java.util.TreeMap<>();
        grants.decisions().mcpServers().forEach(d -> mcp.put(d.payloadId(), d.access()));
        assertEquals(Map.of(open, "allow", contested, "deny", overridden, "allow"), mcp);
        assertEquals(List.of(open, overridden).stream().sorted().toList(),
                grants.mcpServers().stream().map(EntitledMcpServer::id).sorted().toList());
        assertEquals("streamable-http", grants.mcpServers().get(0).transport());
        assertEquals(List.of(skill), grants.skills().stream().map(EntitledSkill::id).toList());
        assertEquals("1.0.0", grants.skills().get(0).version());
        assertEquals(List.of("kb/" + team), ResolvedGrants.allowedIds(grants.decisions().awareness()));
    }
}
