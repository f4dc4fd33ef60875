package ai.opencrane.controlplane.grant;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import ai.opencrane.controlplane.api.JsonMapping;

/** Checks what grants refer to: subjects (tenant names, user ids, existing groups) and payloads that must exist. */
@ApplicationScoped
public class GrantSubjects {

    static final Pattern TENANT = Pattern.compile("[a-z0-9]([-a-z0-9]{0,52}[a-z0-9])?");
    static final Pattern USER = Pattern.compile("[^\\s\\p{Cntrl}]{1,320}");

    @PersistenceContext(unitName = "opencrane")
    EntityManager em;

    /** The specs with group subjects turned into group ids; problems go into {@code errors}. */
    List<GrantSpec> resolve(String field, List<GrantSpec> specs, Map<String, String> errors) {
        Set<String> refs = new LinkedHashSet<>();
        specs.stream().filter(s -> GrantSpec.GROUP.equals(s.subjectType())).forEach(s -> refs.add(s.subjectId()));
        Map<String, String> groups = groupIds(refs);
        return IntStream.range(0, specs.size()).mapToObj(i -> {
            GrantSpec s = specs.get(i);
            String path = field + "[" + i + "].subjectId";
            switch (s.subjectType()) {
                case GrantSpec.TENANT -> {
                    if (!TENANT.matcher(s.subjectId()).matches()) {
                        errors.put(path, "must be a tenant name (a DNS label of at most 54 characters)");
                    }
                }
                case GrantSpec.USER -> {
                    if (!USER.matcher(s.subjectId()).matches()) {
                        errors.put(path, "must be a user id (an e-mail address or subject, no spaces)");
                    }
                }
                default -> {
                    String id = groups.get(s.subjectId());
                    if (id == null) {
                        errors.put(path, "no group has this id or name");
                    } else {
                        return s.withSubjectId(id);
                    }
                }
            }
            return s;
        }).toList();
    }

    /** Records an error for each MCP server or skill bundle payload that does not exist. */
    void checkPayloads(String field, List<GrantSpec> specs, Map<String, String> errors) {
        Set<String> servers = existing("mcp_servers", ids(specs, GrantSpec.MCP_SERVER));
        Set<String> skills = existing("skill_bundles", ids(specs, GrantSpec.SKILL_BUNDLE));
        for (int i = 0; i < specs.size(); i++) {
            GrantSpec s = specs.get(i);
            if (GrantSpec.MCP_SERVER.equals(s.payloadType()) && !servers.contains(s.payloadId())) {
                errors.put(field + "[" + i + "].payloadId", "no MCP server has this id");
            } else if (GrantSpec.SKILL_BUNDLE.equals(s.payloadType()) && !skills.contains(s.payloadId())) {
                errors.put(field + "[" + i + "].payloadId", "no skill bundle has this id");
            }
        }
    }

    /** Group ids by the id or name they were given as; unknown references are absent. */
    public Map<String, String> groupIds(Collection<String> idsOrNames) {
        Map<String, String> out = new HashMap<>();
        if (idsOrNames.isEmpty()) {
            return out;
        }
        String refs = jsonArray(idsOrNames);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, name FROM groups WHERE id IN "
                        + "(SELECT jsonb_array_elements_text(CAST(?1 AS jsonb))) OR name IN "
                        + "(SELECT jsonb_array_elements_text(CAST(?2 AS jsonb)))")
                .setParameter(1, refs).setParameter(2, refs).getResultList();
        for (Object[] row : rows) {
            out.putIfAbsent((String) row[1], (String) row[0]);
        }
        for (Object[] row : rows) {
            out.put((String) row[0], (String) row[0]);
        }
        return out;
    }

    private Set<String> existing(String table, Collection<String> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        List<String> found = em.createNativeQuery("SELECT id FROM " + table
                        + " WHERE id IN (SELECT jsonb_array_elements_text(CAST(?1 AS jsonb)))")
                .setParameter(1, jsonArray(ids)).getResultList();
        return new HashSet<>(found);
    }

    private static Set<String> ids(List<GrantSpec> specs, String payloadType) {
        Set<String> out = new LinkedHashSet<>();
        specs.stream().filter(s -> payloadType.equals(s.payloadType())).forEach(s -> out.add(s.payloadId()));
        return out;
    }

    /** A JSON array of strings, the way list parameters reach native queries here. */
    public static String jsonArray(Collection<String> values) {
        var array = JsonMapping.JSON.createArrayBuilder();
        values.forEach(array::add);
        return array.build().toString();
    }
}
