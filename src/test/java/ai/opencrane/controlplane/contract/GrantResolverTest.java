package ai.opencrane.controlplane.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class GrantResolverTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final GrantPrincipal alice = new GrantPrincipal("alice", "platform", "Alice@Example.com", Map.of("tier", "gold"));

    private static GrantCandidate grant(String id, String payload, String subjectType, String subjectId, String access,
                                        int priority, int minute) {
        return new GrantCandidate(id, "mcp-server", payload, subjectType, subjectId, access, priority,
                T0.plusSeconds(60L * minute));
    }

    private ResolvedGrants resolve(Map<String, List<String>> groups, GrantCandidate... grants) {
        return GrantResolver.resolve(alice, groups, List.of(grants));
    }

    private static GrantDecision only(List<GrantDecision> decisions) {
        assertEquals(1, decisions.size(), decisions.toString());
        return decisions.get(0);
    }

    @Test
    void higherPriorityWinsWhateverItsAccess() {
        GrantDecision d = only(resolve(Map.of(),
                grant("g1", "mcp_1", "tenant", "alice", "deny", 1, 0),
                grant("g2", "mcp_1", "tenant", "alice", "allow", 5, 0)).mcpServers());
        assertEquals("allow", d.access());
        assertEquals("g2", d.grantId());
        assertEquals(5, d.priority());
        GrantDecision denied = only(resolve(Map.of(),
                grant("g1", "mcp_1", "tenant", "alice", "deny", 7, 0),
                grant("g2", "mcp_1", "tenant", "alice", "allow", 5, 9)).mcpServers());
        assertFalse(denied.allowed());
    }

    @Test
    void denyWinsAtEqualPriorityEvenWhenOlder() {
        GrantDecision d = only(resolve(Map.of(),
                grant("g1", "mcp_1", "user", "alice@example.com", "deny", 3, 0),
                grant("g2", "mcp_1", "tenant", "alice", "allow", 3, 10)).mcpServers());
        assertEquals("deny", d.access());
        assertEquals("g1", d.grantId());
    }

    @Test
    void newestWinsAtEqualPriorityAndAccess() {
        GrantDecision d = only(resolve(Map.of(),
                grant("g1", "mcp_1", "tenant", "alice", "allow", 0, 5),
                grant("g2", "mcp_1", "tenant", "alice", "allow", 0, 9),
                grant("g3", "mcp_1", "tenant", "alice", "allow", 0, 1)).mcpServers());
        assertEquals("g2", d.grantId());
    }

    @Test
    void theOutcomeDoesNotDependOnInputOrder() {
        List<GrantCandidate> grants = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            grants.add(grant("g" + i, "mcp_" + (i % 4), "tenant", "alice", i % 3 == 0 ? "deny" : "allow", i % 5, i % 2));
        }
        ResolvedGrants expected = GrantResolver.resolve(alice, Map.of(), grants);
        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
            Collections.shuffle(grants, random);
            assertEquals(expected, GrantResolver.resolve(alice, Map.of(), grants));
        }
    }

    @Test
    void groupGrantsApplyToMembersByTenantNameOrUserId() {
        Map<String, List<String>> groups = Map.of(
                "grp_by_tenant", List.of("bob", "alice"),
                "grp_by_email", List.of("ALICE@example.COM"),
                "grp_other", List.of("carol", "alice-2"));
        ResolvedGrants r = resolve(groups,
                grant("g1", "mcp_1", "group", "grp_by_tenant", "allow", 0, 0),
                grant("g2", "mcp_2", "group", "grp_by_email", "allow", 0, 0),
                grant("g3", "mcp_3", "group", "grp_other", "allow", 0, 0),
                grant("g4", "mcp_4", "group", "grp_unknown", "allow", 0, 0));
        assertEquals(List.of("mcp_1", "mcp_2"), ResolvedGrants.allowedIds(r.mcpServers()));
    }

    @Test
    void aGroupDenyOverridesATenantAllowOfTheSamePriority() {
        GrantDecision d = only(resolve(Map.of("grp_1", List.of("alice")),
                grant("g1", "mcp_1", "tenant", "alice", "allow", 0, 9),
                grant("g2", "mcp_1", "group", "grp_1", "deny", 0, 0)).mcpServers());
        assertEquals("g2", d.grantId());
    }

    @Test
    void grantsForOtherSubjectsDoNotApply() {
        ResolvedGrants r = resolve(Map.of(),
                grant("g1", "mcp_1", "tenant", "alice2", "allow", 0, 0),
                grant("g2", "mcp_2", "tenant", "ALICE", "allow", 0, 0),
                grant("g3", "mcp_3", "user", "bob@example.com", "allow", 0, 0),
                grant("g4", "mcp_4", "group", "alice", "allow", 0, 0));
        assertEquals(List.of(), r.mcpServers());
    }

    @Test
    void noGrantMeansNoDecisionAndSoNotAllowed() {
        ResolvedGrants r = resolve(Map.of("grp_1", List.of("alice")));
        assertEquals(new ResolvedGrants(List.of(), List.of(), List.of()), r);
        assertEquals(List.of(), ResolvedGrants.allowedIds(r.mcpServers()));
    }

    @Test
    void familiesAreResolvedSeparatelyAndSortedByPayload() {
        ResolvedGrants r = GrantResolver.resolve(alice, Map.of(), List.of(
                new GrantCandidate("a", "awareness", "awareness/default", "tenant", "alice", "allow", 0, T0),
                new GrantCandidate("s2", "skill-bundle", "skl_b", "tenant", "alice", "deny", 0, T0),
                new GrantCandidate("s1", "skill-bundle", "skl_a", "user", "alice@example.com", "allow", 0, T0),
                new GrantCandidate("m", "mcp-server", "awareness/default", "tenant", "alice", "deny", 0, T0)));
        assertEquals("a", only(r.awareness()).grantId());
        assertTrue(only(r.awareness()).allowed());
        assertFalse(only(r.mcpServers()).allowed());
        assertEquals(List.of("skl_a", "skl_b"), r.skillBundles().stream().map(GrantDecision::payloadId).toList());
        assertEquals(List.of("skl_a"), ResolvedGrants.allowedIds(r.skillBundles()));
    }

    @Test
    void extraUserIdsCount() {
        GrantPrincipal withSubject = new GrantPrincipal("alice", null, null, null, List.of("oidc|123"));
        ResolvedGrants r = GrantResolver.resolve(withSubject, Map.of("grp", List.of("OIDC|123")), List.of(
                grant("g1", "mcp_1", "user", "oidc|123", "allow", 0, 0),
                grant("g2", "mcp_2", "group", "grp", "allow", 0, 0)));
        assertEquals(List.of("mcp_1", "mcp_2"), ResolvedGrants.allowedIds(r.mcpServers()));
    }

    @Test
    void tenThousandGrantsResolveIndependentlyOfOrder() {
        Map<String, List<String>> groups = new java.util.HashMap<>();
        for (int i = 0; i < 1000; i++) {
            groups.put("grp_" + i, List.of("m" + i, i % 10 == 0 ? "alice" : "x" + i));
        }
        List<GrantCandidate> grants = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            grants.add(grant("g" + i, "mcp_" + (i % 500), "group", "grp_" + (i % 1000), i % 7 == 0 ? "deny" : "allow",
                    i % 3, i % 11));
        }
        ResolvedGrants once = GrantResolver.resolve(alice, groups, grants);
        List<GrantCandidate> shuffled = new ArrayList<>(grants);
        java.util.Collections.shuffle(shuffled, new java.util.Random(7));
        assertEquals(once, GrantResolver.resolve(alice, groups, shuffled), "the order of the input does not matter");
    }
}
