package ai.opencrane.controlplane.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import ai.opencrane.controlplane.api.Keyset;
import ai.opencrane.controlplane.api.Page;
import ai.opencrane.controlplane.api.PageParams;
import ai.opencrane.controlplane.api.RequestId;
import ai.opencrane.controlplane.security.Caller;
import ai.opencrane.controlplane.security.CurrentCaller;

/** Writes audit entries inside the caller's transaction and reads them newest first. */
@ApplicationScoped
public class AuditService {

    private static final String INSERT = "INSERT INTO audit_log (at, actor, action, resource, tenant, message, metadata, "
            + "request_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7::jsonb, ?8)";

    @PersistenceContext(unitName = "opencrane")
    EntityManager em;

    @Inject
    CurrentCaller current;

    /**
     * Records one mutation. Must run inside the transaction of the change it describes, so both commit or
     * neither does. {@code metadata} must never hold a secret.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String resource, String tenant, String message, JsonObject metadata) {
        record(actor(), action, resource, tenant, message, metadata);
    }

    /** As {@link #record(String, String, String, String, JsonObject)}, for an explicit actor. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, String action, String resource, String tenant, String message,
                       JsonObject metadata) {
        // one statement, executed now: a failure here rolls the caller's change back, and no identity is read
        // back (persisting the entity would cost a second round trip for the generated id)
        em.createNativeQuery(INSERT)
                .setParameter(1, Instant.now().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC))
                .setParameter(2, actor)
                .setParameter(3, action)
                .setParameter(4, resource)
                .setParameter(5, tenant)
                .setParameter(6, message)
                .setParameter(7, metadata == null ? null : metadata.toString())
                .setParameter(8, RequestId.current())
                .executeUpdate();
    }

    public Page<AuditEntryView> list(String tenant, PageParams page) {
        return Keyset.of(em, AuditEntry.class, "audit_log", "at", "id")
                .where("tenant = ?", tenant)
                .page(page, e -> List.of(e.at.toString(), e.id.toString()), AuditEntryView::of,
                        s -> Instant.parse(s).atOffset(ZoneOffset.UTC), Long::parseLong);
    }

    private String actor() {
        try {
            Caller caller = current.get();
            return caller.subject();
        } catch (ContextNotActiveException e) {
            return Caller.SYSTEM.subject();
        }
    }
}
