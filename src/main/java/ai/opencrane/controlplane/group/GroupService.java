package ai.opencrane.controlplane.group;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
import ai.opencrane.controlplane.grant.GrantSpec;
import ai.opencrane.controlplane.grant.GrantStore;
import ai.opencrane.controlplane.grant.GrantView;
import ai.opencrane.controlplane.grant.Vocabulary;
import ai.opencrane.controlplane.platform.DbClock;
import ai.opencrane.controlplane.platform.OpaqueIds;
import ai.opencrane.controlplane.platform.Rows;

/** Groups of principals and the grants listed on them. */
@ApplicationScoped
public class GroupService {

    public static final String NOT_FOUND = "GROUP_NOT_FOUND";

    @PersistenceContext(unitName = "opencrane")
    EntityManager em;

    @Inject
    AuditService audit;

    @Inject
    GrantStore grants;

    @Inject
    GroupMembers members;

    public Page<GroupView> list(String scope, String member, PageParams page) {
        Page<Group> found = Keyset.of(em, Group.class, "groups", "created_at", "id")
                .where("scope = ?", Vocabulary.filter("scope", scope, Vocabulary.SCOPES))
                .where("id IN (SELECT group_id FROM group_members WHERE lower(principal) = lower(CAST(? AS text)))",
                        member == null || member.isBlank() ? null : member.trim())
                .page(page, g -> List.of(g.createdAt.toString(), g.id), g -> g,
                        Vocabulary::cursorTime, id -> id);
        List<Group> rows = found.data();
        List<String> ids = rows.stream().map(g -> g.id).toList();
        Map<String, List<String>> membersById = members.of(ids);
        Map<String, List<GrantView>> grantsById = grants.listedOn(GrantStore.Owner.GROUP, ids);
        return Vocabulary.mapPage(found, g -> GroupView.of(g, membersById.get(g.id), grantsById.get(g.id)));
    }

    public Versioned<GroupView> get(String id) {
        return view(find(id));
    }

    @Transactional
    public Versioned<GroupView> create(GroupRequest r) {
        Rows.requireUniqueName(em, Group.class, r.name(), null, "a group");
        Group g = new Group(OpaqueIds.next("grp"), DbClock.now());
        g.name = r.name();
        g.scope = r.scope();
        g.description = r.description();
        List<String> memberList = GroupMembers.normalise(r.members() == null ? List.of() : r.members());
        em.persist(g);
        em.flush();
        members.replace(g.id, memberList);
        List<GrantSpec> specs = specs(g, r.grants() == null ? List.of() : r.grants());
        grants.replace(GrantStore.Owner.GROUP, g.id, specs);
        audit.record("Created", resource(g), null, "group " + g.name + " created",
                JsonMapping.JSON.createObjectBuilder().add("name", g.name).add("members", memberList.size())
                        .add("grants", specs.size()).build());
        return view(g);
    }

    @Transactional
    public Versioned<GroupView> update(String id, GroupUpdate u, String ifMatch) {
        Group g = find(id);
        ETags.check(ifMatch, g.rowVersion);
        List<String> changed = new ArrayList<>();
        if (u.name() != null) {
            String name = u.name().orElseThrow(() -> Vocabulary.cannotClear("name"));
            if (!name.equals(g.name)) {
                Rows.requireUniqueName(em, Group.class, name, g.id, "a group");
            }
            g.name = Vocabulary.track(changed, "name", g.name, name);
        }
        if (u.scope() != null) {
            g.scope = Vocabulary.track(changed, "scope", g.scope, u.scope().orElseThrow(() -> Vocabulary.cannotClear("scope")));
        }
        if (u.description() != null) {
            g.description = Vocabulary.track(changed, "description", g.description, u.description().orElse(null));
        }
        if (u.members() != null) {
            members.replace(g.id, GroupMembers.normalise(u.members().orElse(List.of())));
            changed.add("members");
        }
        if (u.grants() != null) {
            grants.replace(GrantStore.Owner.GROUP, g.id, specs(g, u.grants().orElse(List.of())));
            changed.add("grants");
        }
        g.updatedAt = DbClock.now();
        em.flush();
        audit.record("Updated", resource(g), null, "group " + g.name + " updated",
                JsonMapping.JSON.createObjectBuilder().add("name", g.name).add("fields", JsonMapping.JSON.createArrayBuilder(changed)).build());
        return view(g);
    }

    /** Deletes the group, its memberships, the grants listed on it and the grants whose subject it is. */
    @Transactional
    public void delete(String id, String ifMatch) {
        Group g = find(id);
        ETags.check(ifMatch, g.rowVersion);
        long removed = ((Number) em.createNativeQuery("SELECT count(*) FROM grants WHERE group_id = ?1 "
                + "OR subject_group_id = ?2").setParameter(1, g.id).setParameter(2, g.id).getSingleResult()).longValue();
        grants.touchEntriesGrantingTo(g.id);
        em.remove(g);
        em.flush();
        audit.record("Deleted", resource(g), null, "group " + g.name + " deleted",
                JsonMapping.JSON.createObjectBuilder().add("name", g.name).add("grantsRemoved", removed).build());
    }

    private List<GrantSpec> specs(Group g, List<GroupGrantRequest> requests) {
        Map<String, String> errors = new TreeMap<>();
        List<GrantSpec> specs = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            specs.add(requests.get(i).toSpec("grants[" + i + "]", g.id, g.scope, errors));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return grants.validate("grants", specs, true);
    }

    private Group find(String id) {
        return Rows.find(em, Group.class, id, NOT_FOUND, "group");
    }

    private Versioned<GroupView> view(Group g) {
        return new Versioned<>(GroupView.of(g, members.of(List.of(g.id)).get(g.id),
                grants.listedOn(GrantStore.Owner.GROUP, List.of(g.id)).get(g.id)), g.rowVersion);
    }

    private static String resource(Group g) {
        return "Group/" + g.id;
    }
}
