package ai.opencrane.controlplane.skill;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import ai.opencrane.controlplane.api.ApiException;
import ai.opencrane.controlplane.platform.DbClock;
import ai.opencrane.controlplane.platform.OpaqueIds;

/** Promotion histories; an entry keeps its id while its scopes and promoter stay the same. */
@ApplicationScoped
class SkillPromotions {

    @PersistenceContext(unitName = "opencrane")
    EntityManager em;

    static void validate(List<PromotionRequest> promotions) {
        Map<String, String> errors = new TreeMap<>();
        for (int i = 0; i < promotions.size(); i++) {
            if (promotions.get(i).fromScope().equals(promotions.get(i).toScope())) {
                errors.put("promotions[" + i + "].toScope", "must differ from fromScope");
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    void replace(String bundleId, List<PromotionRequest> promotions) {
        Map<String, Deque<SkillPromotion>> existing = new LinkedHashMap<>();
        em.createQuery("SELECT p FROM SkillPromotion p WHERE p.skillBundleId = :id ORDER BY p.position", SkillPromotion.class)
                .setParameter("id", bundleId).getResultList()
                .forEach(p -> existing.computeIfAbsent(p.key(), k -> new ArrayDeque<>()).add(p));
        Instant now = DbClock.now();
        for (int i = 0; i < promotions.size(); i++) {
            PromotionRequest r = promotions.get(i);
            Deque<SkillPromotion> same = existing.get(r.key());
            SkillPromotion p = same == null ? null : same.poll();
            if (p == null) {
                p = new SkillPromotion(OpaqueIds.next("prm"), bundleId, now);
                p.apply(r, i, now);
                em.persist(p);
            } else {
                p.apply(r, i, now);
            }
        }
        existing.values().forEach(left -> left.forEach(em::remove));
    }

    Map<String, List<PromotionView>> of(Collection<String> bundleIds) {
        Map<String, List<PromotionView>> out = new HashMap<>();
        bundleIds.forEach(id -> out.put(id, new ArrayList<>()));
        if (!bundleIds.isEmpty()) {
            em.createQuery("SELECT p FROM SkillPromotion p WHERE p.skillBundleId IN :ids ORDER BY p.position, p.id",
                            SkillPromotion.class)
                    .setParameter("ids", List.copyOf(bundleIds)).getResultList()
                    .forEach(p -> out.get(p.skillBundleId).add(p.view()));
        }
        return out;
    }
}
