package ai.opencrane.controlplane.group;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import ai.opencrane.controlplane.grant.GrantSubjects;

/** The {@code group_members} rows of groups, written and read in one statement per call whatever the size. */
@ApplicationScoped
class GroupMembers {

    @PersistenceContext(unitName = "opencrane")
    EntityManager em;

    /** Trimmed, de-duplicated, sorted. */
    static List<String> normalise(List<String> members) {
        TreeSet<String> out = new TreeSet<>();
        members.forEach(m -> out.add(m.trim()));
        return List.copyOf(out);
    }

    void replace(String groupId, List<String> members) {
        em.createNativeQuery("DELETE FROM group_members WHERE group_id = ?1").setParameter(1, groupId).executeUpdate();
        if (!members.isEmpty()) {
            em.createNativeQuery("INSERT INTO group_members (group_id, principal) "
                            + "SELECT ?1, jsonb_array_elements_text(CAST(?2 AS jsonb))")
                    .setParameter(1, groupId).setParameter(2, GrantSubjects.jsonArray(members)).executeUpdate();
        }
    }

    Map<String, List<String>> of(Collection<String> groupIds) {
        Map<String, List<String>> out = new HashMap<>();
        groupIds.forEach(id -> out.put(id, new ArrayList<>()));
        if (!groupIds.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT group_id, principal FROM group_members WHERE group_id IN "
                            + "(SELECT jsonb_array_elements_text(CAST(?1 AS jsonb)))")
                    .setParameter(1, GrantSubjects.jsonArray(groupIds)).getResultList();
            rows.forEach(r -> out.get((String) r[0]).add((String) r[1]));
            out.values().forEach(list -> list.sort(null));
        }
        return out;
    }
}
