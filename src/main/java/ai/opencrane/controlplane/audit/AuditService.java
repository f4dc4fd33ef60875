package ai.opencrane.controlplane.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
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

import ai.opencrane.controlplane.api.Cursor;
import ai.opencrane.controlplane.api.Page;
import ai.opencrane.controlplane.api.PageParams;
import ai.opencrane.controlplane.api.RequestId;
import ai.opencrane.controlplane.security.Caller;
import ai.opencrane.controlplane.security.CurrentCaller;

/** Writes audit entries inside the caller's transaction and reads them newest first. */
@ApplicationScoped
public class AuditService {

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
        em.persist(new AuditEntry(Instant.now().truncatedTo(ChronoUnit.MICROS), actor, action, resource, tenant,
                message, metadata, RequestId.current()));
    }

    public Page<AuditEntryView> list(String tenant, PageParams page) {
        int limit = page.limit();
        List<String> after = page.after(2);
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_log WHERE true");
        if (tenant != null) {
            sql.append(" AND tenant = ?1");
        }
        if (after != null) {
            sql.append(" AND (at, id) < (?2, ?3)");
        }
        sql.append(" ORDER BY at DESC, id DESC LIMIT ?4");
        var query = em.createNativeQuery(sql.toString(), AuditEntry.class);
        if (tenant != null) {
            query.setParameter(1, tenant);
        }
        if (after != null) {
            query.setParameter(2, parseInstant(after.get(0)));
            query.setParameter(3, parseId(after.get(1)));
        }
        query.setParameter(4, limit + 1);
        @SuppressWarnings("unchecked")
        List<AuditEntry> rows = query.getResultList();
        return page.page(rows, e -> List.of(e.at.toString(), e.id.toString()), AuditEntryView::of);
    }

    private String actor() {
        try {
            Caller caller = current.get();
            return caller.subject();
        } catch (ContextNotActiveException e) {
            return Caller.SYSTEM.subject();
        }
    }

    private static OffsetDateTime parseInstant(String value) {
        try {
            return Instant.parse(value).atOffset(ZoneOffset.UTC);
        } catch (RuntimeException e) {
            throw Cursor.invalidCursor();
        }
    }

    private static long parseId(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw Cursor.invalidCursor();
        }
    }
}
