package ai.opencrane.controlplane.policy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import ai.opencrane.controlplane.api.ApiException;
import ai.opencrane.controlplane.api.Checks;
import ai.opencrane.controlplane.api.JsonMapping;
import ai.opencrane.controlplane.api.Keyset;
import ai.opencrane.controlplane.api.Page;
import ai.opencrane.controlplane.api.PageParams;
import ai.opencrane.controlplane.kube.CustomResources;
import ai.opencrane.controlplane.kube.Objects;
import ai.opencrane.controlplane.kube.ProjectedWrites.Change;
import ai.opencrane.controlplane.kube.ProjectedWrites;
import ai.opencrane.controlplane.platform.Settings;

/** Access-policy rules: validation, reads from the projection, writes through {@link ProjectedWrites}. */
@ApplicationScoped
public class PolicyService {

    /** Names that would collide with the literal sub-routes of /policies. */
    static final Set<String> RESERVED = Set.of("drift", "repair");
    private static final Pattern NAME = Pattern.compile(Checks.DNS_LABEL);
    private static final Pattern IPV4_CIDR = Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})$");

    @Inject
    ProjectedWrites writes;

    @Inject
    PolicyProjection projection;

    @Inject
    Settings settings;

    @PersistenceContext(unitName = "opencrane")
    EntityManager em;

    public Page<PolicyView> list(PageParams page) {
        return Keyset.of(em, AccessPolicy.class, "access_policies", "created_at", "name")
                .page(page, p -> List.of(p.createdAt.toString(), p.name), this::view,
                        s -> Instant.parse(s).atOffset(ZoneOffset.UTC), s -> s);
    }

    public PolicyView get(String name) {
        return view(find(name));
    }

    /** The projected policy, or 404 {@code POLICY_NOT_FOUND}. */
    public AccessPolicy find(String name) {
        AccessPolicy p = NAME.matcher(name).matches() ? em.find(AccessPolicy.class, name) : null;
        if (p == null) {
            throw notFound(name);
        }
        return p;
    }

    /**
     * The policies that could bind a tenant: the one it names, or else those whose selector its team and
     * labels satisfy (filtered by PostgreSQL: {@code matchLabels} contained in the tenant's labels), so a
     * contract never loads every policy. {@code labels} must include the implicit labels.
     */
    public List<AccessPolicy> candidates(String policyRef, String team, Map<String, String> labels) {
        if (policyRef != null) {
            AccessPolicy p = em.find(AccessPolicy.class, policyRef);
            return p == null ? List.of() : List.of(p);
        }
        @SuppressWarnings("unchecked")
        List<AccessPolicy> matches = em.createNativeQuery("""
                SELECT * FROM access_policies
                WHERE (spec->'tenantSelector'->>'matchTeam' IS NOT NULL
                       OR spec->'tenantSelector'->'matchLabels' IS NOT NULL AND spec->'tenantSelector'->'matchLabels' <> '{}')
                  AND (spec->'tenantSelector'->>'matchTeam' IS NULL OR spec->'tenantSelector'->>'matchTeam' = ?1)
                  AND (spec->'tenantSelector'->'matchLabels' IS NULL OR spec->'tenantSelector'->'matchLabels' <@ CAST(?2 AS jsonb))
                ORDER BY name""", AccessPolicy.class)
                .setParameter(1, team == null ? "" : team)
                .setParameter(2, JsonMapping.toJson(labels).toString())
                .getResultList();
        return matches;
    }

    public PolicyView create(PolicyCreate c) {
        Map<String, String> errors = new TreeMap<>();
        if (RESERVED.contains(c.name())) {
            errors.put("name", "'" + c.name() + "' is reserved");
        }
        check(c.tenantSelector(), c.domains(), c.egressRules(), c.mcpServers(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        JsonObjectBuilder spec = JsonMapping.JSON.createObjectBuilder();
        put(spec, "description", c.description());
        put(spec, "tenantSelector", c.tenantSelector());
        put(spec, "domains", c.domains());
        put(spec, "egressRules", c.egressRules());
        put(spec, "mcpServers", c.mcpServers());
        JsonObject resource = JsonMapping.JSON.createObjectBuilder()
                .add("apiVersion", CustomResources.API_VERSION).add("kind", "AccessPolicy")
                .add("metadata", JsonMapping.JSON.createObjectBuilder().add("name", c.name()))
                .add("spec", spec).build();
        JsonObject created = writes.create(projection, resource,
                new Change("Created", "AccessPolicy " + c.name() + " created", null, false));
        return PolicyView.of(created, settings.namespace(), Instant.now());
    }

    public PolicyView update(String name, PolicyUpdate u, String ifMatch) {
        Map<String, String> errors = new TreeMap<>();
        check(value(u.tenantSelector()), value(u.domains()), value(u.egressRules()), value(u.mcpServers()), errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        checkName(name);
        JsonObject updated = writes.update(projection, name, ifMatch, current -> {
            JsonObjectBuilder spec = JsonMapping.JSON.createObjectBuilder(Objects.spec(current));
            set(spec, "description", u.description());
            set(spec, "tenantSelector", u.tenantSelector());
            set(spec, "domains", u.domains());
            set(spec, "egressRules", u.egressRules());
            set(spec, "mcpServers", u.mcpServers());
            return JsonMapping.JSON.createObjectBuilder(current).add("spec", spec).build();
        }, new Change("Updated", "AccessPolicy " + name + " updated", null, false));
        return PolicyView.of(updated, settings.namespace(), Instant.now());
    }

    public void delete(String name, String ifMatch) {
        checkName(name);
        writes.delete(projection, name, ifMatch, new Change("Deleted", "AccessPolicy " + name + " deleted", null, false));
    }

    private PolicyView view(AccessPolicy p) {
        return PolicyView.of(p.asResource(), settings.namespace(), p.updatedAt);
    }

    private void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw notFound(name);
        }
    }

    static ApiException notFound(String name) {
        return ApiException.notFound(PolicyProjection.NOT_FOUND, "AccessPolicy " + name + " not found");
    }

    private static void check(PolicyParts.TenantSelector selector, PolicyParts.Domains domains,
                              List<PolicyParts.EgressRule> rules, PolicyParts.McpServers mcp, Map<String, String> errors) {
        if (selector != null) {
            errors.putAll(Checks.labels("tenantSelector.matchLabels", selector.matchLabels()));
        }
        if (rules != null) {
            for (int i = 0; i < rules.size(); i++) {
                PolicyParts.EgressRule r = rules.get(i);
                if (!validCidr(r.cidr())) {
                    errors.put("egressRules[" + i + "].cidr", "must be an IPv4 CIDR such as 10.0.0.0/8");
                }
                if (r.ports() != null) {
                    for (int j = 0; j < r.ports().size(); j++) {
                        int port = r.ports().get(j);
                        if (port < 1 || port > 65535) {
                            errors.put("egressRules[" + i + "].ports[" + j + "]", "must be a port from 1 to 65535");
                        }
                    }
                }
            }
        }
        if (mcp != null) {
            blanks("mcpServers.allow", mcp.allow(), errors);
            blanks("mcpServers.deny", mcp.deny(), errors);
        }
        if (domains != null && domains.allow() != null && domains.deny() != null) {
            domains.allow().stream().filter(domains.deny()::contains).findFirst()
                    .ifPresent(d -> errors.put("domains", "'" + d + "' is both allowed and denied"));
        }
    }

    static boolean validCidr(String cidr) {
        var m = IPV4_CIDR.matcher(cidr == null ? "" : cidr);
        if (!m.matches()) {
            return false;
        }
        for (int g = 1; g <= 4; g++) {
            if (Integer.parseInt(m.group(g)) > 255 || m.group(g).length() > 1 && m.group(g).startsWith("0")) {
                return false;
            }
        }
        return Integer.parseInt(m.group(5)) <= 32;
    }

    private static void blanks(String field, List<String> names, Map<String, String> errors) {
        if (names != null && names.stream().anyMatch(String::isBlank)) {
            errors.put(field, "must not contain blank names");
        }
    }

    private static <T> T value(Optional<T> o) {
        return o == null ? null : o.orElse(null);
    }

    private static void put(JsonObjectBuilder b, String key, Object value) {
        if (value != null) {
            b.add(key, JsonMapping.toJson(value));
        }
    }

    private static void set(JsonObjectBuilder b, String key, Optional<?> value) {
        if (value == null) {
            return;
        }
        if (value.isEmpty()) {
            b.remove(key);
        } else {
            put(b, key, value.get());
        }
    }
}
