package ai.opencrane.controlplane.accesstoken;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.opencrane.controlplane.platform.Database;
import ai.opencrane.controlplane.security.Caller;

/**
 * Authenticates {@code ocp_} tokens for the gate: a malformed token is refused without a lookup, a cached one
 * (see {@link TokenCache} for why the cache cannot outlive a revocation) costs a hash and a map lookup, and an
 * uncached one one indexed query. Expiry is checked on every use. The caller is the principal that created the
 * token (the owner is a label); read-scoped tokens are read-only callers.
 */
@ApplicationScoped
public class AccessTokenVerifier {

    public static final String PREFIX = Tokens.PREFIX;

    @Inject
    Database database;

    @Inject
    TokenCache cache;

    @Inject
    LastUsed lastUsed;

    /** The caller for a valid token, or empty when it is malformed, unknown, revoked or expired. */
    public Optional<Caller> verify(String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        String hash = Tokens.sha256Hex(token);
        TokenCache.Entry entry = cache.get(hash);
        if (entry == null) {
            long generation = cache.generation();
            entry = load(hash);
            if (entry == null) {
                return Optional.empty();
            }
            cache.put(hash, entry, generation);
        }
        Instant now = Instant.now();
        if (entry.expiresAt() != null && !now.isBefore(entry.expiresAt())) {
            return Optional.empty();
        }
        lastUsed.touch(entry.id(), now.truncatedTo(ChronoUnit.MICROS));
        return Optional.of(entry.caller());
    }

    private TokenCache.Entry load(String hash) {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT id, created_by, scope, expires_at FROM access_tokens WHERE token_sha256 = ?")) {
            s.setString(1, hash);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                OffsetDateTime expires = rs.getObject("expires_at", OffsetDateTime.class);
                Caller caller = new Caller(rs.getString("created_by"), "token", AccessToken.READ.equals(rs.getString("scope")),
                        null, null, null);
                return new TokenCache.Entry(rs.getString("id"), caller, expires == null ? null : expires.toInstant());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("access token lookup failed", e);
        }
    }
}
