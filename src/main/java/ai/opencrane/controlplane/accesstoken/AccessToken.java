package ai.opencrane.controlplane.accesstoken;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "access_tokens")
public class AccessToken {

    static final String FULL = "full";
    static final String READ = "read";

    @Id
    String id;

    @Column(nullable = false)
    String name;

    @Column(nullable = false)
    String owner;

    @Column(name = "created_by", nullable = false)
    String createdBy;

    @Column(name = "token_sha256", nullable = false)
    String tokenSha256;

    @Column(nullable = false)
    String scope;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "expires_at")
    Instant expiresAt;

    @Column(name = "last_used_at")
    Instant lastUsedAt;

    protected AccessToken() {
    }

    AccessToken(String id, String name, String owner, String createdBy, String tokenSha256, String scope,
                Instant createdAt, Instant expiresAt) {
        this.id = id;
        this.name = name;
        this.owner = owner;
        this.createdBy = createdBy;
        this.tokenSha256 = tokenSha256;
        this.scope = scope;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** The API's view of the stored scope: {@code read} alone, or {@code read} and {@code write}. */
    List<String> scopes() {
        return READ.equals(scope) ? List.of("read") : List.of("read", "write");
    }
}
