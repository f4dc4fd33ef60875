package ai.opencrane.controlplane.source;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
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

/** The items lists of sources: validation, replacement (items keep their id by kind and upstream id), reads. */
@ApplicationScoped
class SourceItems {

    @PersistenceContext(unitName = "opencrane")
    EntityManager em;

    static void validate(List<SourceItemRequest> items) {
        Map<String, String> errors = new TreeMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Integer first = seen.putIfAbsent(items.get(i).kind() + "\n" + items.get(i).upstreamId(), i);
            if (first != null) {
                errors.put("items[" + i + "].upstreamId", "repeats items[" + first + "] (same kind and upstreamId)");
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    void replace(String sourceId, List<SourceItemRequest> items) {
        Map<String, SourceItem> existing = new LinkedHashMap<>();
        em.createQuery("SELECT i FROM SourceItem i WHERE i.sourceId = :id", SourceItem.class)
                .setParameter("id", sourceId).getResultList()
                .forEach(i -> existing.put(i.kind + "\n" + i.upstreamId, i));
        Instant now = DbClock.now();
        for (int i = 0; i < items.size(); i++) {
            SourceItemRequest r = items.get(i);
            SourceItem item = existing.remove(r.kind() + "\n" + r.upstreamId());
            if (item == null) {
                item = new SourceItem(OpaqueIds.next("itm"), sourceId, now);
                item.apply(r, i, now);
                em.persist(item);
            } else {
                item.apply(r, i, now);
            }
        }
        existing.values().forEach(em::remove);
    }

    Map<String, List<SourceItemView>> of(Collection<String> sourceIds) {
        Map<String, List<SourceItemView>> out = new HashMap<>();
        sourceIds.forEach(id -> out.put(id, new ArrayList<>()));
        if (!sourceIds.isEmpty()) {
            em.createQuery("SELECT i FROM SourceItem i WHERE i.sourceId IN :ids ORDER BY i.position, i.id", SourceItem.class)
                    .setParameter("ids", List.copyOf(sourceIds)).getResultList()
                    .forEach(i -> out.get(i.sourceId).add(i.view()));
        }
        return out;
    }
}
