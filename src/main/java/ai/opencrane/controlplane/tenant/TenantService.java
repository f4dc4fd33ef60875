package ai.opencrane.controlplane.tenant;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import io.kubernetes.client.custom.Quantity;

import ai.opencrane.controlplane.api.ApiException;
import ai.opencrane.controlplane.api.Checks;
import ai.opencrane.controlplane.api.JsonMapping;
import ai.opencrane.controlplane.api.Keyset;
import ai.opencrane.controlplane.api.Page;
import ai.opencrane.controlplane.api.PageParams;
import ai.opencrane.controlplane.kube.ProjectedWrites.Change;
import ai.opencrane.controlplane.kube.ProjectedWrites;

/**
 * Tenant rules: validation before anything is written, reads from the projection, writes through
 * {@link ProjectedWrites} (resource first, then row and audit entry in one transaction).
 */
@ApplicationScoped
public class TenantService {

    /**
     * Names that would collide with literal routes: /tenants/drift and /repair, and /ai-budget/global and
     * /ai-budget/accounts, which share their first segment with /ai-budget/{tenantName}.
     */
    static final Set<String> RESERVED = Set.of("drift", "repair", "global", "accounts");
    private static final Pattern NAME = Pattern.compile(Checks.DNS_LABEL);

    @Inject
    ProjectedWrites writes;

    @Inject
    TenantProjection projection;

    @Inject
    Event<TenantChanged> changed;

    @Inject
    TenantCache cache;

    @PersistenceContext(unitName = "opencrane")
    EntityManager em;

    public Page<TenantView> list(String team, String phase, PageParams page) {
        return Keyset.of(em, Tenant.class, "tenants", "created_at", "name")
                .where("team = ?", team)
                .where("COALESCE(phase, 'Pending') = ?", phase)
                .page(page, t -> List.of(t.createdAt.toString(), t.name), Tenant::view,
                        s -> Instant.parse(s).atOffset(ZoneOffset.UTC), s -> s);
    }

    /** The tenant's view, from this replica's {@link TenantCache} when it holds it. */
    public TenantView get(String name) {
        TenantView cached = cache.get(name);
        if (cached != null) {
            return cached;
        }
        long generation = cache.generation();
        TenantView view = find(name).view();
        cache.put(name, view, generation);
        return view;
    }

    /** The projected tenant, or 404 {@code TENANT_NOT_FOUND}. */
    public Tenant find(String name) {
        Tenant t = NAME.matcher(name).matches() ? em.find(Tenant.class, name) : null;
        if (t == null) {
            throw notFound(name);
        }
        return t;
    }

    public TenantView create(TenantCreate c) {
        Map<String, String> errors = new TreeMap<>(Checks.labels("labels", c.labels()));
        if (RESERVED.contains(c.name())) {
            errors.put("name", "'" + c.name() + "' is reserved");
        }
        if (c.displayName().isBlank()) {
            errors.put("displayName", "must not be blank");
        }
        checkResources(c.resources(), errors);
        checkNames("skillAllowlist", c.skillAllowlist(), errors);
        checkMcpPolicy(c.mcpPolicy(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        JsonObject created = writes.create(projection, TenantSpecs.resource(c), new Change("Created",
                "Tenant " + c.name() + " created", JsonMapping.JSON.createObjectBuilder().add("displayName", c.displayName())
                        .add("team", c.team() == null ? "" : c.team()).build(), true));
        changed.fire(new TenantChanged(TenantChanged.Kind.CREATED, c.name(), created));
        return TenantView.of(created, Instant.now());
    }

    public TenantView update(String name, TenantUpdate u, String ifMatch) {
        Map<String, String> errors = new TreeMap<>();
        if (u.displayName() != null && u.displayName().map(String::isBlank).orElse(true)) {
            errors.put("displayName", "must not be blank or null");
        }
        if (u.email() != null && u.email().isEmpty()) {
            errors.put("email", "must not be null");
        }
        if (u.labels() != null) {
            errors.putAll(Checks.labels("labels", u.labels().orElse(null)));
        }
        if (u.resources() != null) {
            checkResources(u.resources().orElse(null), errors);
        }
        if (u.skillAllowlist() != null) {
            checkNames("skillAllowlist", u.skillAllowlist().orElse(null), errors);
        }
        if (u.mcpPolicy() != null) {
            checkMcpPolicy(u.mcpPolicy().orElse(null), errors);
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        checkName(name);
        JsonObject updated = writes.update(projection, name, ifMatch, current -> TenantSpecs.apply(current, u),
                new Change("Updated", "Tenant " + name + " updated", changedFields(u), true));
        changed.fire(new TenantChanged(TenantChanged.Kind.UPDATED, name, updated));
        return TenantView.of(updated, Instant.now());
    }

    public TenantView suspend(String name, boolean suspended) {
        checkName(name);
        JsonObject updated = writes.update(projection, name, null, current -> TenantSpecs.suspended(current, suspended),
                new Change(suspended ? "Suspended" : "Resumed", "Tenant " + name + (suspended ? " suspended" : " resumed"),
                        null, true));
        return TenantView.of(updated, Instant.now());
    }

    public void delete(String name, String ifMatch) {
        checkName(name);
        writes.delete(projection, name, ifMatch, new Change("Deleted", "Tenant " + name + " deleted", null, true));
        changed.fire(new TenantChanged(TenantChanged.Kind.DELETED, name, null));
    }

    private void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw notFound(name);
        }
    }

    static ApiException notFound(String name) {
        return ApiException.notFound(TenantProjection.NOT_FOUND, "Tenant " + name + " not found");
    }

    private static void checkResources(TenantParts.Resources r, Map<String, String> errors) {
        if (r == null) {
            return;
        }
        checkQuantity("resources.cpu", r.cpu(), errors);
        checkQuantity("resources.memory", r.memory(), errors);
    }

    private static void checkQuantity(String field, String value, Map<String, String> errors) {
        if (value == null) {
            return;
        }
        try {
            if (Quantity.fromString(value).getNumber().signum() <= 0) {
                errors.put(field, "must be a positive quantity");
            }
        } catch (RuntimeException e) {
            errors.put(field, "must be a Kubernetes quantity, e.g. 500m, 2, 512Mi or 4Gi");
        }
    }

    private static void checkMcpPolicy(TenantParts.McpPolicy p, Map<String, String> errors) {
        if (p != null) {
            checkNames("mcpPolicy.allow", p.allow(), errors);
            checkNames("mcpPolicy.deny", p.deny(), errors);
        }
    }

    private static void checkNames(String field, List<String> names, Map<String, String> errors) {
        if (names == null) {
            return;
        }
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            if (n == null || n.isBlank() || n.length() > 253) {
                errors.put(field + "[" + i + "]", "must be a non-blank name of at most 253 characters");
            }
        }
    }

    private static JsonObject changedFields(TenantUpdate u) {
        var fields = JsonMapping.JSON.createArrayBuilder();
        for (var c : TenantUpdate.class.getRecordComponents()) {
            try {
                if (c.getAccessor().invoke(u) != null) {
                    fields.add(c.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return JsonMapping.JSON.createObjectBuilder().add("fields", fields).build();
    }
}
