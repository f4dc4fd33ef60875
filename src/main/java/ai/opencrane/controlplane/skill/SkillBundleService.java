package ai.opencrane.controlplane.skill;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
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
import ai.opencrane.controlplane.grant.GrantRequest;
import ai.opencrane.controlplane.grant.GrantSpec;
import ai.opencrane.controlplane.grant.GrantStore;
import ai.opencrane.controlplane.grant.GrantView;
import ai.opencrane.controlplane.grant.Vocabulary;
import ai.opencrane.controlplane.platform.DbClock;
import ai.opencrane.controlplane.platform.OpaqueIds;
import ai.opencrane.controlplane.platform.Rows;
import ai.opencrane.controlplane.source.SourceReferences;

/** The skills catalogue: bundles, their entitlements and promotion history, and the scan gate on publishing. */
@ApplicationScoped
public class SkillBundleService {

    public static final String NOT_FOUND = "SKILL_BUNDLE_NOT_FOUND";
    public static final String SCAN_REQUIRED = "SCAN_REQUIRED";
    static final List<String> STATUSES = List.of("draft", "review", "published");

    @PersistenceContext(unitName = "opencrane")
    EntityManager em;

    @Inject
    AuditService audit;

    @Inject
    GrantStore grants;

    @Inject
    SkillPromotions promotions;

    @Inject
    SourceReferences sources;

    public Page<SkillBundleView> list(String scope, String status, String sourceId, String name, String tag,
                                      PageParams page) {
        Page<SkillBundle> found = Keyset.of(em, SkillBundle.class, "skill_bundles", "created_at", "id")
                .where("scope = ?", Vocabulary.filter("scope", scope, Vocabulary.SCOPES))
                .where("status = ?", Vocabulary.filter("status", status, STATUSES))
                .where("source_id = ?", blankToNull(sourceId))
                .where("name = ?", blankToNull(name))
                .where("tags @> jsonb_build_array(CAST(? AS text))", blankToNull(tag))
                .page(page, b -> List.of(b.createdAt.toString(), b.id), b -> b,
                        Vocabulary::cursorTime, id -> id);
        List<SkillBundle> rows = found.data();
        List<String> ids = rows.stream().map(b -> b.id).toList();
        Map<String, List<GrantView>> grantsById = grants.listedOn(GrantStore.Owner.SKILL_BUNDLE, ids);
        Map<String, List<PromotionView>> promotionsById = promotions.of(ids);
        Map<String, String> sourceNames = sources.names(rows.stream().map(b -> b.sourceId).filter(Objects::nonNull)
                .distinct().toList());
        return Vocabulary.mapPage(found, b -> SkillBundleView.of(b,
                sourceNames.get(b.sourceId), grantsById.get(b.id), promotionsById.get(b.id)));
    }

    public Versioned<SkillBundleView> get(String id) {
        return view(find(id));
    }

    @Transactional
    public Versioned<SkillBundleView> create(SkillBundleRequest r) {
        if ("published".equals(r.status())) {
            throw new ApiException(422, SCAN_REQUIRED,
                    "a skill bundle cannot be created as published: publishing needs a passed scan of its digest");
        }
        String id = OpaqueIds.next("skl");
        List<String> tags = Vocabulary.distinctTrimmed("tags", orEmpty(r.tags()));
        List<PromotionRequest> promos = orEmpty(r.promotions());
        SkillPromotions.validate(promos);
        if (r.sourceId() != null) {
            sources.requireExists("sourceId", r.sourceId());
        }
        List<GrantSpec> specs = grants.validate("grants", specs(orEmpty(r.grants()), id, r.scope()));
        requireUnique(r.name(), r.version(), r.digest(), null);
        SkillBundle b = new SkillBundle(id, DbClock.now());
        b.name = r.name();
        b.description = r.description();
        b.version = r.version();
        b.digest = r.digest();
        b.scope = r.scope();
        b.status = r.status() != null ? r.status() : "draft";
        b.tags = array(tags);
        b.sourceId = r.sourceId();
        b.publishedAt = r.publishedAt();
        em.persist(b);
        em.flush();
        promotions.replace(id, promos);
        grants.replace(GrantStore.Owner.SKILL_BUNDLE, id, specs);
        audit.record("Created", resource(b), null, "skill bundle " + b.name + "@" + b.version + " added",
                JsonMapping.JSON.createObjectBuilder().add("name", b.name).add("version", b.version).add("digest", b.digest)
                        .add("grants", specs.size()).build());
        return view(b);
    }

    @Transactional
    public Versioned<SkillBundleView> update(String id, SkillBundleUpdate u, String ifMatch) {
        SkillBundle b = find(id);
        ETags.check(ifMatch, b.rowVersion);
        String wasStatus = b.status;
        List<String> changed = new ArrayList<>();
        String name = u.name() == null ? b.name : u.name().orElseThrow(() -> Vocabulary.cannotClear("name"));
        String version = u.version() == null ? b.version : u.version().orElseThrow(() -> Vocabulary.cannotClear("version"));
        String digest = u.digest() == null ? b.digest : u.digest().orElseThrow(() -> Vocabulary.cannotClear("digest"));
        boolean newDigest = !digest.equals(b.digest);
        String scanStatus = newDigest ? "pending" : b.scanStatus;
        String status = u.status() == null ? b.status : u.status().orElse("draft");
        if ("published".equals(status) && !"passed".equals(scanStatus)) {
            throw new ApiException(422, SCAN_REQUIRED, "publishing needs a passed scan of the bundle's digest "
                    + "(current scan status: " + scanStatus + ")");
        }
        if (!name.equals(b.name) || !version.equals(b.version) || newDigest) {
            requireUnique(name, version, digest, b.id);
        }
        // no query below runs before these are all assigned, so an automatic flush never sees half of them
        if (newDigest) {
            b.scanStatus = scanStatus;
            b.scannedAt = null;
        }
        b.name = Vocabulary.track(changed, "name", b.name, name);
        b.version = Vocabulary.track(changed, "version", b.version, version);
        b.digest = Vocabulary.track(changed, "digest", b.digest, digest);
        b.status = Vocabulary.track(changed, "status", b.status, status);
        if (u.description() != null) {
            b.description = Vocabulary.track(changed, "description", b.description, u.description().orElse(null));
        }
        if (u.scope() != null) {
            b.scope = Vocabulary.track(changed, "scope", b.scope, u.scope().orElseThrow(() -> Vocabulary.cannotClear("scope")));
        }
        if (u.tags() != null) {
            b.tags = Vocabulary.track(changed, "tags", b.tags,
                    array(Vocabulary.distinctTrimmed("tags", u.tags().orElse(List.of()))));
        }
        if (u.sourceId() != null) {
            u.sourceId().ifPresent(source -> sources.requireExists("sourceId", source));
            b.sourceId = Vocabulary.track(changed, "sourceId", b.sourceId, u.sourceId().orElse(null));
        }
        if (u.publishedAt() != null) {
            b.publishedAt = Vocabulary.track(changed, "publishedAt", b.publishedAt, u.publishedAt().orElse(null));
        } else if ("published".equals(status) && !"published".equals(wasStatus) && b.publishedAt == null) {
            b.publishedAt = DbClock.now();
        }
        if (u.promotions() != null) {
            List<PromotionRequest> promos = u.promotions().orElse(List.of());
            SkillPromotions.validate(promos);
            promotions.replace(b.id, promos);
            changed.add("promotions");
        }
        if (u.grants() != null) {
            List<GrantSpec> specs = grants.validate("grants", specs(u.grants().orElse(List.of()), b.id, b.scope));
            grants.replace(GrantStore.Owner.SKILL_BUNDLE, b.id, specs);
            changed.add("grants");
        }
        b.updatedAt = DbClock.now();
        em.flush();
        String action = "published".equals(status) && !"published".equals(wasStatus) ? "Published" : "Updated";
        audit.record(action, resource(b), null, "skill bundle " + b.name + "@" + b.version + " "
                + action.toLowerCase(), JsonMapping.JSON.createObjectBuilder().add("name", b.name).add("version", b.version)
                .add("fields", JsonMapping.JSON.createArrayBuilder(changed)).build());
        return view(b);
    }

    @Transactional
    public void delete(String id, String ifMatch) {
        SkillBundle b = find(id);
        ETags.check(ifMatch, b.rowVersion);
        grants.touchGroupsListing(GrantSpec.SKILL_BUNDLE, b.id);
        em.remove(b);
        em.flush();
        audit.record("Deleted", resource(b), null, "skill bundle " + b.name + "@" + b.version + " removed",
                JsonMapping.JSON.createObjectBuilder().add("name", b.name).add("version", b.version).build());
    }

    private SkillBundle find(String id) {
        return Rows.find(em, SkillBundle.class, id, NOT_FOUND, "skill bundle");
    }

    private void requireUnique(String name, String version, String digest, String exceptId) {
        List<SkillBundle> same = em.createQuery("SELECT b FROM SkillBundle b WHERE b.name = :n AND b.version = :v "
                        + "AND b.digest = :d", SkillBundle.class)
                .setParameter("n", name).setParameter("v", version).setParameter("d", digest).getResultList();
        if (same.stream().anyMatch(b -> !b.id.equals(exceptId))) {
            throw ApiException.alreadyExists("skill bundle " + name + "@" + version + " with this digest already exists");
        }
    }

    private Versioned<SkillBundleView> view(SkillBundle b) {
        String sourceName = b.sourceId == null ? null : sources.names(List.of(b.sourceId)).get(b.sourceId);
        return new Versioned<>(SkillBundleView.of(b, sourceName,
                grants.listedOn(GrantStore.Owner.SKILL_BUNDLE, List.of(b.id)).get(b.id),
                promotions.of(List.of(b.id)).get(b.id)), b.rowVersion);
    }

    private static List<GrantSpec> specs(List<GrantRequest> requests, String bundleId, String scope) {
        return requests.stream().map(g -> g.toSpec(GrantSpec.SKILL_BUNDLE, bundleId, scope)).toList();
    }

    private static JsonArray array(List<String> values) {
        return JsonMapping.JSON.createArrayBuilder(values).build();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String resource(SkillBundle b) {
        return "SkillBundle/" + b.id;
    }
}
