package ai.opencrane.controlplane.auth;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import ai.opencrane.controlplane.api.JsonMapping;
import ai.opencrane.controlplane.audit.AuditService;
import ai.opencrane.controlplane.platform.Database;
import ai.opencrane.controlplane.platform.Settings;
import ai.opencrane.controlplane.security.Authenticator;
import ai.opencrane.controlplane.security.Caller;

/**
 * Browser sessions in PostgreSQL: opened after a container login, looked up by the gate on every cookie request
 * (one indexed query), closed at logout. The cookie holds 256 random bits; the table holds their SHA-256.
 */
@ApplicationScoped
public class Sessions {

    private static final Pattern COOKIE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "opencrane")
    EntityManager em;

    @Inject
    Database database;

    @Inject
    AuditService audit;

    @Inject
    Settings settings;

    /** Stores a new session for {@code who} and returns the cookie value. Expired sessions are swept on the way. */
    @Transactional
    public String open(LoginIdentity who) {
        byte[] id = new byte[32];
        RANDOM.nextBytes(id);
        String cookie = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        em.createNativeQuery("DELETE FROM sessions WHERE expires_at < ?1").setParameter(1, now.atOffset(ZoneOffset.UTC))
                .executeUpdate();
        em.persist(new LoginSession(hash(cookie), who, now, now.plusSeconds(settings.sessionMaxAgeSeconds())));
        audit.record(who.subject(), "LoggedIn", "Session/" + who.subject(), null,
                "logged in through " + who.issuer(), identity(who).build());
        return cookie;
    }

    /** Audits a login the allow-lists refused. */
    @Transactional
    public void refuse(LoginIdentity who, String reason) {
        audit.record(who.subject(), "LoginRefused", "Session/" + who.subject(), null, "login refused: " + reason,
                identity(who).add("reason", reason).build());
    }

    /** The caller of a live session, or empty for an unknown, malformed or expired cookie. */
    public Optional<Caller> find(String cookie) {
        if (cookie == null || !COOKIE.matcher(cookie).matches()) {
            return Optional.empty();
        }
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT subject, issuer, email, name FROM sessions "
                     + "WHERE id_sha256 = ? AND expires_at > now()")) {
            s.setString(1, hash(cookie));
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Caller(rs.getString(1), "session", false, rs.getString(2), rs.getString(3),
                        rs.getString(4)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("session lookup failed", e);
        }
    }

    /** Ends the session the cookie names, if it is live; true when there was one. */
    @Transactional
    public boolean close(String cookie) {
        if (cookie == null || !COOKIE.matcher(cookie).matches()) {
            return false;
        }
        LoginSession session = em.find(LoginSession.class, hash(cookie));
        if (session == null) {
            return false;
        }
        em.remove(session);
        audit.record(session.subject, "LoggedOut", "Session/" + session.subject, null, "logged out",
                JsonMapping.JSON.createObjectBuilder().add("subject", session.subject).add("issuer", session.issuer).build());
        return true;
    }

    private static JsonObjectBuilder identity(LoginIdentity who) {
        JsonObjectBuilder b = JsonMapping.JSON.createObjectBuilder().add("subject", who.subject()).add("issuer", who.issuer());
        if (who.email() != null) {
            b.add("email", who.email());
        }
        return b;
    }

    private static String hash(String cookie) {
        return HexFormat.of().formatHex(Authenticator.sha256(cookie));
    }
}
