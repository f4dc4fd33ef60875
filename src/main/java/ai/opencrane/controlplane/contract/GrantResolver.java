package ai.opencrane.controlplane.contract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Grant resolution, pure. For each payload, the candidate grants are those whose subject is the tenant
 * itself, its user (e-mail or another user id, case-insensitive), or a group that contains the principal
 * (group members are tenant names or user ids). The winner is the highest priority; at equal priority deny
 * beats allow; then the newest grant; then, so the result never depends on input order, the greatest id.
 * A payload with no candidate has no decision, which means not allowed.
 */
public final class GrantResolver {

    static final Comparator<GrantCandidate> PRECEDENCE = Comparator
            .comparingInt(GrantCandidate::priority)
            .thenComparing(g -> "deny".equals(g.access()))
            .thenComparing(GrantCandidate::createdAt)
            .thenComparing(GrantCandidate::id);

    private GrantResolver() {
    }

    /**
     * @param groups id to members of the groups that may contain the principal (others may be omitted)
     * @param grants the grants that may apply (others are ignored)
     */
    public static ResolvedGrants resolve(GrantPrincipal principal, Map<String, ? extends Collection<String>> groups,
                                         Collection<GrantCandidate> grants) {
        Set<String> identities = principal.identities();
        Set<String> containing = new HashSet<>();
        groups.forEach((id, members) -> {
            if (members.stream().anyMatch(m -> identities.contains(m.trim().toLowerCase(Locale.ROOT)))) {
                containing.add(id);
            }
        });
        Set<String> users = principal.users();
        Map<String, Map<String, GrantCandidate>> winners = new HashMap<>();
        for (GrantCandidate g : grants) {
            if (!applies(g, principal.tenant(), users, containing)) {
                continue;
            }
            winners.computeIfAbsent(g.payloadType(), t -> new HashMap<>())
                    .merge(g.payloadId(), g, (a, b) -> PRECEDENCE.compare(a, b) >= 0 ? a : b);
        }
        return new ResolvedGrants(decisions(winners.get("awareness")), decisions(winners.get("mcp-server")),
                decisions(winners.get("skill-bundle")));
    }

    static boolean applies(GrantCandidate g, String tenant, Set<String> users, Set<String> containing) {
        return switch (g.subjectType()) {
            case "tenant" -> g.subjectId().equals(tenant);
            case "user" -> users.contains(g.subjectId().toLowerCase(Locale.ROOT));
            case "group" -> containing.contains(g.subjectId());
            default -> false;
        };
    }

    private static List<GrantDecision> decisions(Map<String, GrantCandidate> winners) {
        if (winners == null) {
            return List.of();
        }
        List<GrantDecision> out = new ArrayList<>(winners.size());
        winners.values().forEach(g -> out.add(new GrantDecision(g.payloadType(), g.payloadId(), g.access(), g.id(),
                g.priority(), g.subjectType(), g.subjectId())));
        out.sort(Comparator.comparing(GrantDecision::payloadId));
        return List.copyOf(out);
    }
}
