package ai.opencrane.controlplane.mcpserver;

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

/** The credential lists of MCP servers; a credential keeps its id while its display name stays. */
@ApplicationScoped
class McpCredentials {

    @PersistenceContext(unitName = "opencrane")
    EntityManager em;

    static void validate(List<CredentialRequest> credentials) {
        Map<String, String> errors = new TreeMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < credentials.size(); i++) {
            CredentialRequest c = credentials.get(i);
            Integer first = seen.putIfAbsent(c.displayName(), i);
            if (first != null) {
                errors.put("credentials[" + i + "].displayName", "repeats credentials[" + first + "]");
            }
            if ("static".equals(c.mode()) && c.secretRef() == null) {
                errors.put("credentials[" + i + "].secretRef", "is required for static credentials");
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    void replace(String serverId, List<CredentialRequest> credentials) {
        Map<String, McpCredential> existing = new LinkedHashMap<>();
        em.createQuery("SELECT c FROM McpCredential c WHERE c.mcpServerId = :id", McpCredential.class)
                .setParameter("id", serverId).getResultList().forEach(c -> existing.put(c.displayName, c));
        Instant now = DbClock.now();
        for (int i = 0; i < credentials.size(); i++) {
            CredentialRequest r = credentials.get(i);
            McpCredential c = existing.remove(r.displayName());
            if (c == null) {
                c = new McpCredential(OpaqueIds.next("crd"), serverId, now);
                c.apply(r, i, now);
                em.persist(c);
            } else {
                c.apply(r, i, now);
            }
        }
        existing.values().forEach(em::remove);
    }

    Map<String, List<CredentialView>> of(Collection<String> serverIds) {
        Map<String, List<CredentialView>> out = new HashMap<>();
        serverIds.forEach(id -> out.put(id, new ArrayList<>()));
        if (!serverIds.isEmpty()) {
            em.createQuery("SELECT c FROM McpCredential c WHERE c.mcpServerId IN :ids ORDER BY c.position, c.id",
                            McpCredential.class)
                    .setParameter("ids", List.copyOf(serverIds)).getResultList()
                    .forEach(c -> out.get(c.mcpServerId).add(c.view()));
        }
        return out;
    }
}
