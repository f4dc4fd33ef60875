package ai.opencrane.controlplane.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import ai.opencrane.controlplane.api.ApiException;
import ai.opencrane.controlplane.api.ETags;
import ai.opencrane.controlplane.api.JsonMapping;
import ai.opencrane.controlplane.api.Keyset;
import ai.opencrane.controlplane.api.Page;
import ai.opencrane.controlplane.api.PageParams;
import ai.opencrane.controlplane.api.Versioned;
import ai.opencrane.controlplane.audit.AuditService;
import ai.opencrane.controlplane.grant.Vocabulary;
import ai.opencrane.controlplane.outbound.OutboundTargets;
import ai.opencrane.controlplane.platform.DbClock;
import ai.opencrane.controlplane.platform.OpaqueIds;
import ai.opencrane.controlplane.platform.Rows;

/** Third-party sources: registration, updates, removal (refused while catalogue entries refer to one). */
@ApplicationScoped
public class ThirdPartySourceService {

    public static final String NOT_FOUND = "THIRD_PARTY_SOURCE_NOT_FOUND";
    static final List<String> TYPES = List.of("mcp-registry", "anthropic-skills", "git-repository", "manual-upload");
    static final List<String> STATUSES = List.of("healthy", "syncing", "error", "pending-approval");
    static final List<String> SYNC_MODES = List.of("scheduled", "manual");

    @PersistenceContext(unitName = "opencrane")
    EntityManager em;

    @Inject
    AuditService audit;

    @Inject
    OutboundTargets outbound;

    @Inject
    SourceItems items;

    @Inject
    SourceReferences references;

    public Page<ThirdPartySourceView> list(String type, String status, String syncMode, PageParams page) {
        Page<ThirdPartySource> found = Keyset.of(em, ThirdPartySource.class, "third_party_sources", "created_at", "id")
                .where("type = ?", Vocabulary.filter("type", type, TYPES))
                .where("status = ?", Vocabulary.filter("status", status, STATUSES))
                .where("sync_mode = ?", Vocabulary.filter("syncMode", syncMode, SYNC_MODES))
                .page(page, s -> List.of(s.createdAt.toString(), s.id), s -> s,
                        Vocabulary::cursorTime, id -> id);
        List<ThirdPartySource> rows = found.data();
        Map<String, List<SourceItemView>> itemsById = items.of(rows.stream().map(s -> s.id).toList());
        return Vocabulary.mapPage(found, s -> ThirdPartySourceView.of(s, itemsById.get(s.id)));
    }

    public Versioned<ThirdPartySourceView> get(String id) {
        return view(find(id));
    }

    @Transactional
    public Versioned<ThirdPartySourceView> create(SourceRequest r) {
        outbound.check("url", r.url());
        List<SourceItemRequest> list = r.items() == null ? List.of() : r.items();
        SourceItems.validate(list);
        Rows.requireUniqueName(em, ThirdPartySource.class, r.name(), null, "a third-party source");
        ThirdPartySource s = new ThirdPartySource(OpaqueIds.next("src"), DbClock.now());
        s.name = r.name();
        s.type = r.type();
        s.url = r.url();
        s.syncMode = r.syncMode() != null ? r.syncMode() : "manual";
        s.status = r.status() != null ? r.status() : "pending-approval";
        s.notes = r.notes();
        s.lastSyncedAt = r.lastSyncedAt();
        em.persist(s);
        em.flush();
        items.replace(s.id, list);
        audit.record("Created", resource(s), null, "third-party source " + s.name + " registered",
                JsonMapping.JSON.createObjectBuilder().add("name", s.name).add("type", s.type).add("items", list.size()).build());
        return view(s);
    }

    @Transactional
    public Versioned<ThirdPartySourceView> update(String id, SourceUpdate u, String ifMatch) {
        ThirdPartySource s = find(id);
        ETags.check(ifMatch, s.rowVersion);
        List<String> changed = new ArrayList<>();
        if (u.name() != null) {
            String name = u.name().orElseThrow(() -> Vocabulary.cannotClear("name"));
            if (!name.equals(s.name)) {
                Rows.requireUniqueName(em, ThirdPartySource.class, name, s.id, "a third-party source");
            }
            s.name = Vocabulary.track(changed, "name", s.name, name);
        }
        if (u.type() != null) {
            s.type = Vocabulary.track(changed, "type", s.type, u.type().orElseThrow(() -> Vocabulary.cannotClear("type")));
        }
        if (u.url() != null) {
            String url = u.url().orElseThrow(() -> Vocabulary.cannotClear("url"));
            outbound.check("url", url);
            s.url = Vocabulary.track(changed, "url", s.url, url);
        }
        if (u.syncMode() != null) {
            s.syncMode = Vocabulary.track(changed, "syncMode", s.syncMode, u.syncMode().orElse("manual"));
        }
        if (u.status() != null) {
            s.status = Vocabulary.track(changed, "status", s.status, u.status().orElse("pending-approval"));
        }
        if (u.notes() != null) {
            s.notes = Vocabulary.track(changed, "notes", s.notes, u.notes().orElse(null));
        }
        if (u.lastSyncedAt() != null) {
            s.lastSyncedAt = Vocabulary.track(changed, "lastSyncedAt", s.lastSyncedAt, u.lastSyncedAt().orElse(null));
        }
        if (u.items() != null) {
            List<SourceItemRequest> list = u.items().orElse(List.of());
            SourceItems.validate(list);
            items.replace(s.id, list);
            changed.add("items");
        }
        s.updatedAt = DbClock.now();
        em.flush();
        audit.record("Updated", resource(s), null, "third-party source " + s.name + " updated",
                JsonMapping.JSON.createObjectBuilder().add("name", s.name).add("fields", JsonMapping.JSON.createArrayBuilder(changed)).build());
        return view(s);
    }

    @Transactional
    public void delete(String id, String ifMatch) {
        ThirdPartySource s = find(id);
        ETags.check(ifMatch, s.rowVersion);
        List<String> referrers = references.referrers(s.id);
        if (!referrers.isEmpty()) {
            String named = String.join(", ", referrers.subList(0, Math.min(20, referrers.size())))
                    + (referrers.size() > 20 ? " and more" : "");
            throw ApiException.conflict("third-party source " + s.name + " is in use by " + named
                    + "; clear their sourceId first");
        }
        em.remove(s);
        em.flush();
        audit.record("Deleted", resource(s), null, "third-party source " + s.name + " removed",
                JsonMapping.JSON.createObjectBuilder().add("name", s.name).build());
    }

    private ThirdPartySource find(String id) {
        return Rows.find(em, ThirdPartySource.class, id, NOT_FOUND, "third-party source");
    }

    private Versioned<ThirdPartySourceView> view(ThirdPartySource s) {
        return new Versioned<>(ThirdPartySourceView.of(s, items.of(List.of(s.id)).get(s.id)), s.rowVersion);
    }

    private static String resource(ThirdPartySource s) {
        return "ThirdPartySource/" + s.id;
    }
}
