package ai.opencrane.controlplane.contract;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Whom grants are resolved for: a tenant (its name), its user (the tenant's e-mail and any other user ids
 * the caller knows, e.g. the identity provider's subject), plus team and labels. Team and labels are carried
 * for the contract but take no part in grant resolution: grant {@code scope} is a label, as upstream.
 * User ids and group members match case-insensitively; the tenant subject matches exactly.
 */
public record GrantPrincipal(String tenant, String team, String email, Map<String, String> labels, List<String> userIds) {

    public GrantPrincipal {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        userIds = userIds == null ? List.of() : List.copyOf(userIds);
    }

    public GrantPrincipal(String tenant, String team, String email, Map<String, String> labels) {
        this(tenant, team, email, labels, List.of());
    }

    /** The user identities, lowercased: the e-mail and the other user ids. */
    public Set<String> users() {
        Set<String> out = new LinkedHashSet<>();
        if (email != null && !email.isBlank()) {
            out.add(email.trim().toLowerCase(Locale.ROOT));
        }
        userIds.stream().filter(u -> u != null && !u.isBlank()).forEach(u -> out.add(u.trim().toLowerCase(Locale.ROOT)));
        return out;
    }

    /** Every identity a group member can name, lowercased: the tenant name and the user identities. */
    public Set<String> identities() {
        Set<String> out = new LinkedHashSet<>();
        out.add(tenant.toLowerCase(Locale.ROOT));
        out.addAll(users());
        return out;
    }

    /** True when a group member entry names this principal. */
    public boolean isNamedBy(String member) {
        return member != null && identities().contains(member.trim().toLowerCase(Locale.ROOT));
    }
}
