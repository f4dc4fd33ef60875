package ai.opencrane.controlplane.litellmkey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import io.kubernetes.client.openapi.models.V1Secret;

import ai.opencrane.controlplane.api.ApiException;
import ai.opencrane.controlplane.api.JsonMapping;
import ai.opencrane.controlplane.audit.AuditService;
import ai.opencrane.controlplane.kube.KubeException;
import ai.opencrane.controlplane.kube.Secrets;
import ai.opencrane.controlplane.litellm.LiteLlmClient;
import ai.opencrane.controlplane.litellm.LiteLlmException;
import ai.opencrane.controlplane.litellm.LiteLlmUsers;
import ai.opencrane.controlplane.platform.Settings;
import ai.opencrane.controlplane.platform.Tx;
import ai.opencrane.controlplane.usage.Usd;

/**
 * The steps of a key's life, ordered so that no failure leaves a key without its row or a Secret without a
 * live key. Issuing: claim the tenant's slot with an {@code issuing} row, generate the key in LiteLLM, create
 * the Secret, then activate the row with its audit entry; when a later step fails the earlier ones are undone
 * (the key deleted in LiteLLM, the Secret removed, the row dropped), and what cannot be undone at once stays
 * an {@code issuing} row that {@link KeyReconciler} cleans up by alias. Revoking: delete the key in LiteLLM
 * first (the credential dies first), then mark the row and remove the Secret in one transaction.
 *
 * <p>Audit entries are written under the resource {@code LiteLLMKey/<tenant>}; only an explicit revocation is
 * filed under the tenant, the rest are consequences of tenant changes that the tenant's own entries record.
 */
@ApplicationScoped
public class KeyIssuer {

    static final String LITELLM_KEY_NOT_FOUND = "LITELLM_KEY_NOT_FOUND";
    private static final Logger LOG = Logger.getLogger(KeyIssuer.class.getName());

    @Inject
    LiteLlmClient litellm;

    @Inject
    Secrets secrets;

    @Inject
    KeyRows rows;

    @Inject
    LiteLlmUsers users;

    @Inject
    AuditService audit;

    @Inject
    Settings settings;

    @Inject
    Tx tx;

    /** Issues the tenant a key; false when another key is already issuing or active. Failures are ApiExceptions. */
    boolean issue(KeyTarget t, String actor) {
        String id = UUID.randomUUID().toString();
        if (!tx.call(() -> rows.claim(id, t))) {
            return false;
        }
        JsonObject generated;
        try {
            if (t.userId() != null) {
                users.ensure(t.userId(), rows.accountLimit(t.userId()).orElse(null));
            }
            generated = litellm.generateKey(generateBody(t, id));
        } catch (LiteLlmException e) {
            if (!e.ambiguous() || e.status() >= 500 && removedByAlias(t)) {
                release(id);
            }
            throw e.toApi();
        } catch (RuntimeException e) {
            release(id);
            throw e;
        }
        String key = generated.getString("key", "");
        if (key.isBlank()) {
            throw ApiException.upstream("LiteLLM answered /key/generate without a key");
        }
        String hash = generated.getString("token_id", null) == null ? sha256(key) : generated.getString("token_id");
        V1Secret written;
        try {
            written = writeSecret(KeySecret.of(t, id, key, Instant.now()));
        } catch (KubeException e) {
            undo(id, hash, null);
            throw e.toApi(LITELLM_KEY_NOT_FOUND, "Secret " + t.secretName());
        }
        try {
            boolean activated = tx.call(() -> {
                if (!rows.activate(id, hash)) {
                    return false;
                }
                record(actor, "LiteLLMKeyIssued", t.tenant(), null, "LiteLLM key " + t.alias() + " issued to tenant "
                        + t.tenant() + " (" + Usd.clean(t.monthlyBudgetUsd()) + " USD a month)", meta(t));
                return true;
            });
            if (!activated) {
                throw new IllegalStateException("the issuing row of " + t.tenant() + " disappeared");
            }
        } catch (RuntimeException e) {
            undo(id, hash, written);
            throw e;
        }
        return true;
    }

    /** Revokes an active key: deleted in LiteLLM, then row and Secret together. */
    void revoke(TenantKey k, String actor, boolean byRequest) {
        try {
            litellm.deleteKey(k.keyHash);
        } catch (LiteLlmException e) {
            throw e.toApi();
        }
        tx.run(() -> {
            if (!rows.revoke(k.id)) {
                return;
            }
            record(actor, "LiteLLMKeyRevoked", k.tenant, byRequest ? k.tenant : null, "LiteLLM key " + k.keyAlias
                    + " of tenant " + k.tenant + " revoked" + (byRequest ? "" : " (tenant deleted)"),
                    JsonMapping.JSON.createObjectBuilder().add("tenant", k.tenant).add("keyAlias", k.keyAlias).add("secretName", k.secretName)
                            .add("deletedInLiteLlm", true).build());
            try {
                secrets.delete(k.secretName, null);
            } catch (KubeException e) {
                throw e.toApi(LITELLM_KEY_NOT_FOUND, "Secret " + k.secretName);
            }
        });
    }

    /** Gives an active key the target's budget and user, in LiteLLM first, then the row and the Secret's annotation. */
    void retarget(TenantKey k, KeyTarget t, String actor) {
        try {
            if (t.userId() != null) {
                users.ensure(t.userId(), rows.accountLimit(t.userId()).orElse(null));
            }
            JsonObjectBuilder body = JsonMapping.JSON.createObjectBuilder().add("key", k.keyHash).add("max_budget", Usd.clean(t.monthlyBudgetUsd()))
                    .add("budget_duration", settings.litellmBudgetDuration());
            if (t.userId() != null) {
                body.add("user_id", t.userId());
            }
            litellm.updateKey(body.build());
        } catch (LiteLlmException e) {
            throw e.toApi();
        }
        tx.run(() -> {
            if (!rows.retarget(k.id, t)) {
                return;
            }
            JsonObjectBuilder m = JsonMapping.JSON.createObjectBuilder(meta(t));
            if (k.monthlyBudgetUsd != null) {
                m.add("previousMonthlyBudgetUsd", Usd.clean(k.monthlyBudgetUsd));
            }
            record(actor, "LiteLLMKeyBudgetUpdated", k.tenant, null, "LiteLLM key " + k.keyAlias + " budget set to "
                    + Usd.clean(t.monthlyBudgetUsd()) + " USD a month", m.build());
            try {
                secrets.mergePatch(k.secretName, JsonMapping.JSON.createObjectBuilder().add("metadata", JsonMapping.JSON.createObjectBuilder()
                        .add("annotations", JsonMapping.JSON.createObjectBuilder()
                                .add(KeySecret.BUDGET, Usd.clean(t.monthlyBudgetUsd()).toPlainString()))).build());
            } catch (KubeException e) {
                if (!e.notFound()) {
                    throw e.toApi(LITELLM_KEY_NOT_FOUND, "Secret " + k.secretName);
                }
            }
        });
    }

    /** Blocks or unblocks an active key in LiteLLM and records it. */
    void setBlocked(TenantKey k, boolean blocked, String actor) {
        try {
            litellm.setBlocked(k.keyHash, blocked);
        } catch (LiteLlmException e) {
            if (!e.notFound()) {
                throw e.toApi();
            }
        }
        tx.run(() -> {
            if (rows.block(k.id, blocked)) {
                record(actor, blocked ? "LiteLLMKeyBlocked" : "LiteLLMKeyUnblocked", k.tenant, null, "LiteLLM key " + k.keyAlias
                        + (blocked ? " blocked: the global AI budget is exceeded" : " unblocked: the global AI budget allows spending"),
                        JsonMapping.JSON.createObjectBuilder().add("tenant", k.tenant).add("keyAlias", k.keyAlias).build());
            }
        });
    }

    /** Finishes an issuance that died half-way: the key deleted by alias, its Secret removed, the row dropped. */
    void cleanUp(TenantKey stale) {
        try {
            litellm.deleteKeyAlias(stale.keyAlias);
        } catch (LiteLlmException e) {
            throw e.toApi();
        }
        try {
            secrets.get(stale.secretName).filter(s -> stale.id.equals(KeySecret.keyId(s)))
                    .ifPresent(s -> secrets.delete(stale.secretName, s.getMetadata().getResourceVersion()));
        } catch (KubeException e) {
            throw e.toApi(LITELLM_KEY_NOT_FOUND, "Secret " + stale.secretName);
        }
        tx.run(() -> rows.forget(stale.id));
        LOG.info(() -> "cleaned up an interrupted key issuance for tenant " + stale.tenant);
    }

    /**
     * After LiteLLM answered a generate with a server error, the request is over: a key it may have stored under
     * the alias can be deleted at once. (After a timeout the request may still be running, so that case waits for
     * {@link #cleanUp}.)
     */
    private boolean removedByAlias(KeyTarget t) {
        try {
            litellm.deleteKeyAlias(t.alias());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Creates the Secret; a stale one of ours (no live key can own it while this issuance holds the slot) is replaced. */
    private V1Secret writeSecret(V1Secret secret) {
        String name = secret.getMetadata().getName();
        try {
            return secrets.create(secret);
        } catch (KubeException e) {
            if (!e.alreadyExists()) {
                throw e;
            }
            V1Secret existing = secrets.get(name).orElse(null);
            if (existing != null && !KeySecret.managed(existing)) {
                throw e;
            }
            if (existing != null) {
                secrets.delete(name, existing.getMetadata().getResourceVersion());
            }
            return secrets.create(secret);
        }
    }

    /** Undoes an issuance after its key was generated; what fails here stays an issuing row for the reconciler. */
    private void undo(String id, String hash, V1Secret written) {
        boolean keyGone = false;
        try {
            litellm.deleteKey(hash);
            keyGone = true;
        } catch (RuntimeException e) {
            LOG.warning(() -> "could not delete a just-issued LiteLLM key after a failed step (" + e.getClass().getSimpleName()
                    + "); the reconciler deletes it by alias");
        }
        if (written != null) {
            try {
                secrets.delete(written.getMetadata().getName(), written.getMetadata().getResourceVersion());
            } catch (RuntimeException e) {
                LOG.warning(() -> "could not remove the Secret of a failed key issuance (" + e.getClass().getSimpleName() + ")");
                keyGone = false;
            }
        }
        if (keyGone) {
            release(id);
        }
    }

    private void release(String id) {
        try {
            tx.run(() -> rows.forget(id));
        } catch (RuntimeException e) {
            LOG.warning(() -> "could not drop the issuing row of a failed key issuance; the reconciler drops it");
        }
    }

    private JsonObject generateBody(KeyTarget t, String id) {
        JsonObjectBuilder b = JsonMapping.JSON.createObjectBuilder()
                .add("key_alias", t.alias())
                .add("max_budget", Usd.clean(t.monthlyBudgetUsd()))
                .add("budget_duration", settings.litellmBudgetDuration())
                .add("metadata", JsonMapping.JSON.createObjectBuilder().add("tenant", t.tenant()).add("managed_by", "opencrane")
                        .add("opencrane_key_id", id));
        if (t.userId() != null) {
            b.add("user_id", t.userId());
        }
        return b.build();
    }

    private void record(String actor, String action, String tenant, String tenantColumn, String message, JsonObject meta) {
        if (actor == null) {
            audit.record(action, "LiteLLMKey/" + tenant, tenantColumn, message, meta);
        } else {
            audit.record(actor, action, "LiteLLMKey/" + tenant, tenantColumn, message, meta);
        }
    }

    private static JsonObject meta(KeyTarget t) {
        return JsonMapping.JSON.createObjectBuilder().add("tenant", t.tenant()).add("keyAlias", t.alias()).add("secretName", t.secretName())
                .add("monthlyBudgetUsd", Usd.clean(t.monthlyBudgetUsd())).build();
    }

    /** LiteLLM's own hash of a key (the SHA-256 hex it stores as the key's token), for versions that do not return it. */
    static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
