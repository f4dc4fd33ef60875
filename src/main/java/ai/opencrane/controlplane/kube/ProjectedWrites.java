package ai.opencrane.controlplane.kube;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import ai.opencrane.controlplane.api.ApiException;
import ai.opencrane.controlplane.api.ETags;
import ai.opencrane.controlplane.api.JsonMapping;
import ai.opencrane.controlplane.audit.AuditService;
import ai.opencrane.controlplane.platform.Tx;

/**
 * The write path of projected kinds: the custom resource is the source of truth, so each write goes to
 * Kubernetes first and then, in one PostgreSQL transaction, to the projection row and the audit log. When
 * the PostgreSQL step fails the Kubernetes step is undone ({@link Compensations}); updates carry the
 * resourceVersion the caller saw (If-Match) or just read, so a concurrent change is a 412 or a retry,
 * never a lost update.
 */
@ApplicationScoped
public class ProjectedWrites {

    /** Annotation with a random token per create call, so compensation only deletes what that call made. */
    public static final String CREATE_TOKEN = "opencrane.io/create-token";
    private static final int ATTEMPTS = 3;

    @Inject
    CustomResources kube;

    @Inject
    Compensations compensations;

    @Inject
    Tx tx;

    @Inject
    AuditService audit;

    @Inject
    Echoes echoes;

    /** What the audit log says about a write. */
    public record Change(String action, String message, JsonObject metadata, boolean tenantScoped) {
    }

    public JsonObject create(Projection p, JsonObject resource, Change change) {
        String name = Objects.name(resource);
        return announced(p, name, () -> created(p, resource, name, change));
    }

    private JsonObject created(Projection p, JsonObject resource, String name, Change change) {
        String token = UUID.randomUUID().toString();
        JsonObject marked = JsonMapping.JSON.createObjectBuilder(resource).add("metadata",
                JsonMapping.JSON.createObjectBuilder(Objects.metadata(resource)).add("annotations",
                        JsonMapping.JSON.createObjectBuilder(Objects.annotations(resource)).add(CREATE_TOKEN, token))).build();
        JsonObject created;
        try {
            created = kube.create(p.plural(), marked);
        } catch (KubeException e) {
            created = e.alreadyExists() ? ours(p, name, token) : null;
            if (created == null) {
                if (e.ambiguous()) {
                    compensations.afterFailedCreate(p, name, token);
                }
                throw e.toApi(p.notFoundCode(), p.kind() + " " + name);
            }
        }
        JsonObject result = created;
        try {
            tx.run(() -> {
                p.apply(result, false);
                record(p, name, change);
            });
        } catch (RuntimeException e) {
            compensations.undoCreate(p, result, token);
            throw e;
        }
        return result;
    }

    /**
     * The resource behind an AlreadyExists answer, if this very call made it: the client retries a request
     * whose connection failed, and the first attempt may have landed.
     */
    private JsonObject ours(Projection p, String name, String token) {
        try {
            return kube.get(p.plural(), name)
                    .filter(r -> token.equals(Objects.annotations(r).getString(CREATE_TOKEN, null)))
                    .orElse(null);
        } catch (KubeException e) {
            return null;
        }
    }

    /**
     * Applies {@code change} (current resource to desired resource; only labels and spec count) as a merge
     * patch at the version the caller saw ({@code ifMatch}) or the one just read.
     */
    public JsonObject update(Projection p, String name, String ifMatch, UnaryOperator<JsonObject> desired, Change change) {
        return announced(p, name, () -> updated(p, name, ifMatch, desired, change));
    }

    private JsonObject updated(Projection p, String name, String ifMatch, UnaryOperator<JsonObject> desired, Change change) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            JsonObject current = read(p, name);
            String version = Objects.resourceVersion(current);
            ETags.check(ifMatch, version);
            JsonObject patch = atVersion(MergePatch.diff(editable(current), editable(desired.apply(current))), version);
            JsonObject updated;
            try {
                updated = kube.mergePatch(p.plural(), name, patch);
            } catch (KubeException e) {
                if (e.conflict() && ifMatch == null && attempt < ATTEMPTS) {
                    continue;
                }
                if (e.conflict() && ifMatch != null) {
                    throw ApiException.preconditionFailed();
                }
                throw e.toApi(p.notFoundCode(), p.kind() + " " + name);
            }
            try {
                tx.run(() -> {
                    p.apply(updated, false);
                    record(p, name, change);
                });
            } catch (RuntimeException e) {
                compensations.undoUpdate(p, current, updated);
                throw e;
            }
            return updated;
        }
        throw ApiException.conflict(p.kind() + " " + name + " kept changing; retry");
    }

    /**
     * Deletes the row and writes the audit entry in a transaction that commits only if Kubernetes deleted
     * the resource. A row whose resource is already gone is removed (and audited) without a Kubernetes call.
     */
    public void delete(Projection p, String name, String ifMatch, Change change) {
        Optional<JsonObject> current = get(p, name);
        if (current.isEmpty()) {
            boolean removed = tx.call(() -> {
                boolean r = p.remove(name, null);
                if (r) {
                    record(p, name, change);
                }
                return r;
            });
            if (!removed) {
                throw ApiException.notFound(p.notFoundCode(), p.kind() + " " + name + " not found");
            }
            return;
        }
        String version = Objects.resourceVersion(current.get());
        ETags.check(ifMatch, version);
        try {
            tx.run(() -> {
                p.remove(name, Objects.rvNumber(version));
                record(p, name, change);
                try {
                    kube.delete(p.plural(), name, version);
                } catch (KubeException e) {
                    if (!e.notFound()) {
                        throw e;
                    }
                }
            });
        } catch (KubeException e) {
            if (e.conflict()) {
                throw ifMatch != null ? ApiException.preconditionFailed()
                        : ApiException.conflict(p.kind() + " " + name + " changed while being deleted; retry");
            }
            throw e.toApi(p.notFoundCode(), p.kind() + " " + name);
        }
    }

    /** The resource, or 404 with the kind's code. */
    public JsonObject read(Projection p, String name) {
        return get(p, name).orElseThrow(() -> ApiException.notFound(p.notFoundCode(), p.kind() + " " + name + " not found"));
    }

    private Optional<JsonObject> get(Projection p, String name) {
        try {
            return kube.get(p.plural(), name);
        } catch (KubeException e) {
            throw e.toApi(p.notFoundCode(), p.kind() + " " + name);
        }
    }

    /** Runs a write that projects its result, telling this replica's watch ({@link Echoes}) while it runs. */
    private JsonObject announced(Projection p, String name, Supplier<JsonObject> write) {
        Echoes.Write inFlight = echoes.writing(p.plural(), name);
        JsonObject projected = null;
        try {
            projected = write.get();
            return projected;
        } finally {
            inFlight.end(projected);
        }
    }

    private void record(Projection p, String name, Change change) {
        audit.record(change.action(), p.kind() + "/" + name, change.tenantScoped() ? name : null,
                change.message(), change.metadata());
    }

    /** The patch, made conditional on the resource still being at {@code version}. */
    static JsonObject atVersion(JsonObject patch, String version) {
        return JsonMapping.JSON.createObjectBuilder(patch).add("metadata",
                JsonMapping.JSON.createObjectBuilder(Objects.object(patch, "metadata")).add("resourceVersion", version)).build();
    }

    /** The parts of a resource the API writes: labels and spec. */
    static JsonObject editable(JsonObject resource) {
        return JsonMapping.JSON.createObjectBuilder()
                .add("metadata", JsonMapping.JSON.createObjectBuilder().add("labels", Objects.labels(resource)))
                .add("spec", Objects.spec(resource))
                .build();
    }
}
