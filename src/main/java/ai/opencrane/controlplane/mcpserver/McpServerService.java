package ai.opencrane.controlplane.mcpserver;

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
import ai.opencrane.controlplane.outbound.OutboundTargets;
import ai.opencrane.controlplane.platform.DbClock;
import ai.opencrane.controlplane.platform.OpaqueIds;
import ai.opencrane.controlplane.platform.Rows;
import ai.opencrane.controlplane.source.SourceReferences;

/** MCP server registrations with their grants and credential references. */
@ApplicationScoped
public class McpServerService {

    public static final String NOT_FOUND = "MCP_SERVER_NOT_FOUND";
    static final List<String> STATUSES = List.of("active", "degraded", "draft");
    static final List<String> TRANSPORTS = List.of("streamable-http", "sse", "websocket");

    @PersistenceContext(unitName = "opencrane")
    EntityManager em;

    @Inject
    AuditService audit;

    @Inject
    OutboundTargets outbound;

    @Inject
    GrantStore grants;

    @Inject
    McpCredentials credentials;

    @Inject
    SourceReferences sources;

    public Page<McpServerView> list(String scope, String status, String transport, String sourceId, PageParams page) {
        Page<McpServer> found = Keyset.of(em, McpServer.class, "mcp_servers", "created_at", "id")
                .where("scope = ?", Vocabulary.filter("scope", scope, Vocabulary.SCOPES))
                .where("status = ?", Vocabulary.filter("status", status, STATUSES))
                .where("transport = ?", Vocabulary.filter("transport", transport, TRANSPORTS))
                .where("source_id = ?", sourceId == null || sourceId.isEmpty() ? null : sourceId)
                .page(page, s -> List.of(s.createdAt.toString(), s.id), s -> s,
                        Vocabulary::cursorTime, id -> id);
        List<McpServer> rows = found.data();
        List<String> ids = rows.stream().map(s -> s.id).toList();
        Map<String, List<GrantView>> grantsById = grants.listedOn(GrantStore.Owner.MCP_SERVER, ids);
        Map<String, List<CredentialView>> credentialsById = credentials.of(ids);
        Map<String, String> sourceNames = sources.names(rows.stream().map(s -> s.sourceId).filter(Objects::nonNull)
                .distinct().toList());
        return Vocabulary.mapPage(found, s -> McpServerView.of(s,
                sourceNames.get(s.sourceId), grantsById.get(s.id), credentialsById.get(s.id)));
    }

    public Versioned<McpServerView> get(String id) {
        return view(find(id));
    }

    @Transactional
    public Versioned<McpServerView> create(McpServerRequest r) {
        String id = OpaqueIds.next("mcp");
        outbound.check("endpoint", r.endpoint());
        List<String> capabilities = Vocabulary.distinctTrimmed("capabilities", orEmpty(r.capabilities()));
        List<CredentialRequest> creds = orEmpty(r.credentials());
        McpCredentials.validate(creds);
        if (r.sourceId() != null) {
            sources.requireExists("sourceId", r.sourceId());
        }
        List<GrantSpec> specs = grants.validate("grants", specs(orEmpty(r.grants()), id, r.scope()));
        Rows.requireUniqueName(em, McpServer.class, r.name(), null, "an MCP server");
        McpServer s = new McpServer(id, DbClock.now());
        s.name = r.name();
        s.description = r.description();
        s.endpoint = r.endpoint();
        s.scope = r.scope();
        s.transport = r.transport();
        s.status = r.status() != null ? r.status() : "draft";
        s.capabilities = array(capabilities);
        s.sourceId = r.sourceId();
        s.lastSyncedAt = r.lastSyncedAt();
        em.persist(s);
        em.flush();
        credentials.replace(id, creds);
        grants.replace(GrantStore.Owner.MCP_SERVER, id, specs);
        audit.record("Created", resource(s), null, "MCP server " + s.name + " registered",
                JsonMapping.JSON.createObjectBuilder().add("name", s.name).add("transport", s.transport)
                        .add("grants", specs.size()).add("credentials", creds.size()).build());
        return view(s);
    }

    @Transactional
    public Versioned<McpServerView> update(String id, McpServerUpdate u, String ifMatch) {
        McpServer s = find(id);
        ETags.check(ifMatch, s.rowVersion);
        List<String> changed = new ArrayList<>();
        if (u.name() != null) {
            String name = u.name().orElseThrow(() -> Vocabulary.cannotClear("name"));
            if (!name.equals(s.name)) {
                Rows.requireUniqueName(em, McpServer.class, name, s.id, "an MCP server");
            }
            s.name = Vocabulary.track(changed, "name", s.name, name);
        }
        if (u.description() != null) {
            s.description = Vocabulary.track(changed, "description", s.description, u.description().orElse(null));
        }
        if (u.endpoint() != null) {
            String endpoint = u.endpoint().orElseThrow(() -> Vocabulary.cannotClear("endpoint"));
            outbound.check("endpoint", endpoint);
            s.endpoint = Vocabulary.track(changed, "endpoint", s.endpoint, endpoint);
        }
        if (u.scope() != null) {
            s.scope = Vocabulary.track(changed, "scope", s.scope, u.scope().orElseThrow(() -> Vocabulary.cannotClear("scope")));
        }
        if (u.transport() != null) {
            s.transport = Vocabulary.track(changed, "transport", s.transport,
                    u.transport().orElseThrow(() -> Vocabulary.cannotClear("transport")));
        }
        if (u.status() != null) {
            s.status = Vocabulary.track(changed, "status", s.status, u.status().orElse("draft"));
        }
        if (u.capabilities() != null) {
            s.capabilities = Vocabulary.track(changed, "capabilities", s.capabilities,
                    array(Vocabulary.distinctTrimmed("capabilities", u.capabilities().orElse(List.of()))));
        }
        if (u.sourceId() != null) {
            u.sourceId().ifPresent(source -> sources.requireExists("sourceId", source));
            s.sourceId = Vocabulary.track(changed, "sourceId", s.sourceId, u.sourceId().orElse(null));
        }
        if (u.lastSyncedAt() != null) {
            s.lastSyncedAt = Vocabulary.track(changed, "lastSyncedAt", s.lastSyncedAt, u.lastSyncedAt().orElse(null));
        }
        if (u.credentials() != null) {
            List<CredentialRequest> creds = u.credentials().orElse(List.of());
            McpCredentials.validate(creds);
            credentials.replace(s.id, creds);
            changed.add("credentials");
        }
        if (u.grants() != null) {
            List<GrantSpec> specs = grants.validate("grants", specs(u.grants().orElse(List.of()), s.id, s.scope));
            grants.replace(GrantStore.Owner.MCP_SERVER, s.id, specs);
            changed.add("grants");
        }
        s.updatedAt = DbClock.now();
        em.flush();
        audit.record("Updated", resource(s), null, "MCP server " + s.name + " updated",
                JsonMapping.JSON.createObjectBuilder().add("name", s.name).add("fields", JsonMapping.JSON.createArrayBuilder(changed)).build());
        return view(s);
    }

    @Transactional
    public void delete(String id, String ifMatch) {
        McpServer s = find(id);
        ETags.check(ifMatch, s.rowVersion);
        grants.touchGroupsListing(GrantSpec.MCP_SERVER, s.id);
        em.remove(s);
        em.flush();
        audit.record("Deleted", resource(s), null, "MCP server " + s.name + " deleted",
                JsonMapping.JSON.createObjectBuilder().add("name", s.name).build());
    }

    private McpServer find(String id) {
        return Rows.find(em, McpServer.class, id, NOT_FOUND, "MCP server");
    }

    private Versioned<McpServerView> view(McpServer s) {
        String sourceName = s.sourceId == null ? null : sources.names(List.of(s.sourceId)).get(s.sourceId);
        return new Versioned<>(McpServerView.of(s, sourceName,
                grants.listedOn(GrantStore.Owner.MCP_SERVER, List.of(s.id)).get(s.id),
                credentials.of(List.of(s.id)).get(s.id)), s.rowVersion);
    }

    private static List<GrantSpec> specs(List<GrantRequest> requests, String serverId, String scope) {
        return requests.stream().map(g -> g.toSpec(GrantSpec.MCP_SERVER, serverId, scope)).toList();
    }

    private static JsonArray array(List<String> values) {
        return JsonMapping.JSON.createArrayBuilder(values).build();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static String resource(McpServer s) {
        return "McpServer/" + s.id;
    }
}
