package ai.opencrane.controlplane.grant;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import ai.opencrane.controlplane.api.ApiException;
import ai.opencrane.controlplane.platform.DbClock;
import ai.opencrane.controlplane.platform.OpaqueIds;

/**
 * Reads and writes the grant lists of catalogue entries and groups. Joins the caller's transaction;
 * the caller must have flushed a new owner before its grants are stored (there is no JPA relationship
 * to order the inserts).
 */
@ApplicationScoped
public class GrantStore {

    /** Where a list of grants is kept. */
    public enum Owner { MCP_SERVER, SKILL_BUNDLE, GROUP }

    @PersistenceContext(unitName = "opencrane")
    EntityManager em;

    @Inject
    GrantSubjects subjects;

    /** The grants listed on each of {@code ownerIds}, in list order; owners without grants map to an empty list. */
    public Map<String, List<GrantView>> listedOn(Owner owner, Collection<String> ownerIds) {
        Map<String, List<GrantView>> out = new HashMap<>();
        ownerIds.forEach(id -> out.put(id, new ArrayList<>()));
        if (ownerIds.isEmpty()) {
            return out;
        }
        for (Grant g : query(owner, "IN :ids").setParameter("ids", List.copyOf(ownerIds)).getResultList()) {
            out.get(ownerOf(owner, g)).add(g.view());
        }
        return out;
    }

    /**
     * Checks a list's grants (subject formats, group subjects exist, one grant per payload and subject) and
     * returns them with group subjects named by id. Errors name {@code field[i].subjectId} and the like.
     */
    public List<GrantSpec> validate(String field, List<GrantSpec> specs) {
        return validate(field, specs, false);
    }

    /** As {@link #validate(String, List)}; with {@code checkPayloads}, MCP server and skill payloads must exist. */
    public List<GrantSpec> validate(String field, List<GrantSpec> specs, boolean checkPayloads) {
        Map<String, String> errors = new TreeMap<>();
        List<GrantSpec> out = subjects.resolve(field, specs, errors);
        if (checkPayloads) {
            subjects.checkPayloads(field, out, errors);
        }
        Map<GrantSpec.Key, Integer> seen = new HashMap<>();
        for (int i = 0; i < out.size(); i++) {
            Integer first = seen.putIfAbsent(out.get(i).key(), i);
            if (first != null) {
                errors.put(field + "[" + i + "]", "repeats " + field + "[" + first + "] (same payload and subject)");
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return out;
    }

    /**
     * Makes the owner's list equal to {@code specs}: a grant with the same payload and subject as an existing
     * one keeps that one's id and creation time; grants no longer listed are removed.
     */
    public void replace(Owner owner, String ownerId, List<GrantSpec> specs) {
        Map<GrantSpec.Key, Grant> existing = new LinkedHashMap<>();
        for (Grant g : query(owner, "= :ids").setParameter("ids", ownerId).getResultList()) {
            existing.put(g.key(), g);
        }
        Instant now = DbClock.now();
        for (int i = 0; i < specs.size(); i++) {
            GrantSpec spec = specs.get(i);
            Grant g = existing.remove(spec.key());
            if (g == null) {
                em.persist(new Grant(OpaqueIds.next("gnt"), spec, owner == Owner.GROUP ? ownerId : null, i, now));
            } else {
                g.apply(spec, i, now);
            }
        }
        existing.values().forEach(em::remove);
    }

    /** Bumps the version of catalogue entries whose lists name {@code groupId} as a subject (before it goes). */
    public void touchEntriesGrantingTo(String groupId) {
        for (String table : List.of("mcp_servers", "skill_bundles")) {
            String column = table.equals("mcp_servers") ? "mcp_server_id" : "skill_bundle_id";
            em.createNativeQuery("UPDATE " + table + " SET row_version = row_version + 1, updated_at = ?2 WHERE id IN "
                            + "(SELECT " + column + " FROM grants WHERE subject_group_id = ?1 AND group_id IS NULL)")
                    .setParameter(1, groupId).setParameter(2, DbClock.now().atOffset(ZoneOffset.UTC))
                    .executeUpdate();
        }
    }

    /** Bumps the version of groups that list grants on a catalogue entry (before it goes). */
    public void touchGroupsListing(String payloadType, String payloadId) {
        em.createNativeQuery("UPDATE groups SET row_version = row_version + 1, updated_at = ?3 WHERE id IN "
                        + "(SELECT group_id FROM grants WHERE payload_type = ?1 AND payload_id = ?2 AND group_id IS NOT NULL)")
                .setParameter(1, payloadType).setParameter(2, payloadId)
                .setParameter(3, DbClock.now().atOffset(ZoneOffset.UTC))
                .executeUpdate();
    }

    private TypedQuery<Grant> query(Owner owner, String match) {
        String where = switch (owner) {
            case MCP_SERVER -> "g.mcpServerId " + match + " AND g.groupId IS NULL";
            case SKILL_BUNDLE -> "g.skillBundleId " + match + " AND g.groupId IS NULL";
            case GROUP -> "g.groupId " + match;
        };
        return em.createQuery("SELECT g FROM Grant g WHERE " + where + " ORDER BY g.position, g.id", Grant.class);
    }

    private static String ownerOf(Owner owner, Grant g) {
        return switch (owner) {
            case MCP_SERVER -> g.mcpServerId;
            case SKILL_BUNDLE -> g.skillBundleId;
            case GROUP -> g.groupId;
        };
    }
}
