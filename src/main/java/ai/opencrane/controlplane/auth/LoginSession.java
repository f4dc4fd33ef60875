package ai.opencrane.controlplane.auth;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One browser session; the cookie value itself is never stored, only its SHA-256. */
@Entity
@Table(name = "sessions")
public class LoginSession {

    @Id
    @Column(name = "id_sha256")
    String idSha256;

    @Column(nullable = false)
    String subject;

    @Column(nullable = false)
    String issuer;

    String email;

    String name;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    Instant expiresAt;

    protected LoginSession() {
    }

    LoginSession(String idSha256, LoginIdentity who, Instant createdAt, Instant expiresAt) {
        this.idSha256 = idSha256;
        this.subject = who.subject();
        this.issuer = who.issuer();
        this.email = who.email();
        this.name = who.name();
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }
}
