package ai.opencrane.controlplane.source;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import ai.opencrane.controlplane.api.ApiException;
import ai.opencrane.controlplane.grant.GrantSubjects;

/** What other catalogues ask about sources: does one exist, what are their names, who refers to one. */
@ApplicationScoped
public class SourceReferences {

    @PersistenceContext(unitName = "opencrane")
    EntityManager em;

    /** 400 on {@code field} unless a source with this id exists. */
    public void requireExists(String field, String sourceId) {
        if (em.find(ThirdPartySource.class, sourceId) == null) {
            throw ApiException.invalid(field, "no third-party source has this id");
        }
    }

    /** Source names by id, for the {@code sourceName} of catalogue entries. */
    public Map<String, String> names(Collection<String> sourceIds) {
        Map<String, String> out = new HashMap<>();
        if (sourceIds.isEmpty()) {
            return out;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, name FROM third_party_sources WHERE id IN "
                        + "(SELECT jsonb_array_elements_text(CAST(?1 AS jsonb)))")
                .setParameter(1, GrantSubjects.jsonArray(sourceIds)).getResultList();
        rows.forEach(r -> out.put((String) r[0], (String) r[1]));
        return out;
    }

    /** Names of the MCP servers and skill bundles (as {@code name@version}) that refer to a source. */
    @SuppressWarnings("unchecked")
    List<String> referrers(String sourceId) {
        return em.createNativeQuery("SELECT 'MCP server ' || name FROM mcp_servers WHERE source_id = ?1 "
                        + "UNION ALL SELECT 'skill bundle ' || name || '@' || version FROM skill_bundles WHERE source_id = ?2 "
                        + "ORDER BY 1 LIMIT 21")
                .setParameter(1, sourceId).setParameter(2, sourceId).getResultList();
    }
}
