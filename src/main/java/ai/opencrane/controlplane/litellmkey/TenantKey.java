package ai.opencrane.controlplane.litellmkey;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import ai.opencrane.controlplane.usage.Usd;

/** A row of {@code tenant_litellm_keys}: what the control plane knows of one virtual key (never the key). */
@Entity
@Table(name = "tenant_litellm_keys")
public class TenantKey {

    static final String ISSUING = "issuing";
    static final String ACTIVE = "active";
    static final String REVOKED = "revoked";

    @Id
    String id;

    String tenant;

    @Column(name = "key_alias")
    String keyAlias;

    @Column(name = "secret_name")
    String secretName;

    @Column(name = "user_id")
    String userId;

    /** LiteLLM's token id, the SHA-256 of the key: enough to manage the key, useless to call models with. */
    @Column(name = "key_hash")
    String keyHash;

    @Column(name = "monthly_budget_usd")
    BigDecimal monthlyBudgetUsd;

    String state;

    boolean blocked;

    @Column(name = "created_at")
    Instant createdAt;

    @Column(name = "issued_at")
    Instant issuedAt;

    @Column(name = "revoked_at")
    Instant revokedAt;

    boolean active() {
        return ACTIVE.equals(state);
    }

    KeyView view() {
        return new KeyView(tenant, keyAlias, secretName, Usd.clean(monthlyBudgetUsd), state, blocked, issuedAt, revokedAt);
    }
}
