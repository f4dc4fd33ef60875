package ai.opencrane.controlplane.accesstoken;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import ai.opencrane.controlplane.api.ApiException;
import ai.opencrane.controlplane.api.Cursor;
import ai.opencrane.controlplane.api.JsonMapping;
import ai.opencrane.controlplane.api.Page;
import ai.opencrane.controlplane.api.PageParams;
import ai.opencrane.controlplane.audit.AuditService;
import ai.opencrane.controlplane.security.CurrentCaller;

/** Creates, lists and revokes access tokens; every change is audited without the token. */
@ApplicationScoped
public class AccessTokenService {

    public static final String TOKEN_NOT_FOUND = "TOKEN_NOT_FOUND";

    @PersistenceContext(unitName = "opencrane")
    EntityManager em;

    @Inject
    AuditService audit;

    @Inject
    CurrentCaller current;

    @Inject
    TokenCache cache;

    @Inject
    LastUsed lastUsed;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Transactional
    public CreatedAccessToken create(CreateAccessTokenRequest request) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
            throw ApiException.invalid("expiresAt", "must be in the future");
        }
        if (request.scopes() != null) {
            if (request.scopes().isEmpty()) {
                throw ApiException.invalid("scopes", "must name at least one scope (read, write)");
            }
            for (int i = 0; i < request.scopes().size(); i++) {
                if (!List.of("read", "write").contains(request.scopes().get(i))) {
                    throw ApiException.invalid("scopes[" + i + "]", "must be read or write");
                }
            }
        }
        String scope = request.scopes() == null || request.scopes().contains("write") ? AccessToken.FULL : AccessToken.READ;
        String creator = current.get().subject();
        String name = blankToNull(request.name()) != null ? request.name().trim() : "default";
        String owner = blankToNull(request.owner()) != null ? request.owner().trim() : creator;
        String plain = Tokens.generate();
        AccessToken token = new AccessToken(UUID.randomUUID().toString(), name, owner, creator,
                Tokens.sha256Hex(plain), scope, now,
                request.expiresAt() == null ? null : request.expiresAt().truncatedTo(ChronoUnit.MICROS));
        em.persist(token);
        audit.record("Created", "AccessToken/" + token.id, null,
                "access token '" + name + "' created for " + owner, describe(token).build());
        return CreatedAccessToken.of(token, plain);
    }

    public Page<AccessTokenView> list(PageParams page) {
        int limit = page.limit();
        List<String> after = page.after(2);
        var query = em.createNativeQuery("SELECT * FROM access_tokens"
                + (after == null ? "" : " WHERE (created_at, id) < (?1, ?2)")
                + " ORDER BY created_at DESC, id DESC LIMIT ?3", AccessToken.class);
        if (after != null) {
            query.setParameter(1, parseInstant(after.get(0)));
            query.setParameter(2, after.get(1));
        }
        query.setParameter(3, limit + 1);
        @SuppressWarnings("unchecked")
        List<AccessToken> rows = query.getResultList();
        return page.page(rows, t -> List.of(t.createdAt.toString(), t.id),
                t -> AccessTokenView.of(t, lastUsed.pending(t.id)));
    }

    /**
     * Deletes the token. The local cache is emptied once the transaction has ended, before the answer leaves;
     * other replicas hear of it from the trigger's notification (see {@link TokenCache}).
     */
    @Transactional
    public void revoke(String id) {
        AccessToken token = id == null || id.length() > 64 ? null : em.find(AccessToken.class, id);
        if (token == null) {
            throw ApiException.notFound(TOKEN_NOT_FOUND, "no access token with id " + safe(id));
        }
        em.remove(token);
        audit.record("Revoked", "AccessToken/" + token.id, null,
                "access token '" + token.name + "' of " + token.owner + " revoked", describe(token).build());
        cache.invalidateAfter(transactions);
    }

    private static JsonObjectBuilder describe(AccessToken t) {
        JsonObjectBuilder b = JsonMapping.JSON.createObjectBuilder().add("id", t.id).add("name", t.name).add("owner", t.owner)
                .add("createdBy", t.createdBy).add("scope", t.scope);
        if (t.expiresAt != null) {
            b.add("expiresAt", t.expiresAt.toString());
        }
        return b;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String safe(String id) {
        return id == null ? "" : id.replaceAll("[^A-Za-z0-9-]", "?");
    }

    private static OffsetDateTime parseInstant(String value) {
        try {
            return Instant.parse(value).atOffset(ZoneOffset.UTC);
        } catch (RuntimeException e) {
            throw Cursor.invalidCursor();
        }
    }
}
