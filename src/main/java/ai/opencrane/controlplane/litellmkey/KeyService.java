package ai.opencrane.controlplane.litellmkey;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import ai.opencrane.controlplane.api.ApiException;
import ai.opencrane.controlplane.litellm.LiteLlmClient;
import ai.opencrane.controlplane.litellm.LiteLlmException;
import ai.opencrane.controlplane.platform.Settings;
import ai.opencrane.controlplane.tenant.TenantProjection;
import ai.opencrane.controlplane.usage.BudgetAlerts;
import ai.opencrane.controlplane.usage.Usd;

/** The key routes: a tenant's key metadata, its revocation, and its spend as LiteLLM counts it. */
@ApplicationScoped
public class KeyService {

    @Inject
    KeyRows rows;

    @Inject
    KeyIssuer issuer;

    @Inject
    LiteLlmClient litellm;

    @Inject
    Settings settings;

    /** The tenant's newest key, in any state; the history outlives a deleted tenant. */
    public KeyView get(String tenant) {
        return rows.latest(tenant).map(TenantKey::view).orElseThrow(() -> missing(tenant, "has no LiteLLM key"));
    }

    public KeyView revoke(String tenant) {
        litellm.requireConfigured();
        TenantKey key = activeKey(tenant);
        issuer.revoke(key, null, true);
        return rows.latest(tenant).map(TenantKey::view).orElseThrow();
    }

    public TenantSpendView spend(String tenant) {
        litellm.requireConfigured();
        TenantKey key = activeKey(tenant);
        JsonObject info;
        try {
            info = litellm.keyInfo(key.keyHash).orElseThrow(() -> ApiException.notFound(KeyIssuer.LITELLM_KEY_NOT_FOUND,
                    "the LiteLLM key of tenant " + tenant + " no longer exists in LiteLLM"));
        } catch (LiteLlmException e) {
            throw e.toApi();
        }
        BigDecimal spend = Usd.clean(number(info.get("spend")).orElse(BigDecimal.ZERO));
        BigDecimal limit = number(info.get("max_budget")).map(Usd::clean).orElse(null);
        BigDecimal remaining = limit == null ? null : Usd.clean(limit.subtract(spend).max(BigDecimal.ZERO));
        return new TenantSpendView(tenant, limit, spend, remaining,
                BudgetAlerts.state(limit, spend, settings.budgetWarningThreshold()), instant(info.get("budget_reset_at")));
    }

    /** Blocks (or unblocks) every active key whose state differs; returns how many changed. */
    public int setAllBlocked(boolean blocked, String actor) {
        int changed = 0;
        for (TenantKey k : rows.active()) {
            if (k.blocked != blocked) {
                issuer.setBlocked(k, blocked, actor);
                changed++;
            }
        }
        return changed;
    }

    private TenantKey activeKey(String tenant) {
        return rows.live(tenant).filter(TenantKey::active).orElseThrow(() -> missing(tenant, "has no active LiteLLM key"));
    }

    private ApiException missing(String tenant, String what) {
        if (rows.tenant(tenant, settings.litellmDefaultMonthlyBudgetUsd()).isEmpty() && rows.latest(tenant).isEmpty()) {
            return ApiException.notFound(TenantProjection.NOT_FOUND, "Tenant " + tenant + " not found");
        }
        return ApiException.notFound(KeyIssuer.LITELLM_KEY_NOT_FOUND, "tenant " + tenant + " " + what);
    }

    private static Optional<BigDecimal> number(JsonValue v) {
        return v instanceof JsonNumber n ? Optional.of(n.bigDecimalValue()) : Optional.empty();
    }

    private static Instant instant(JsonValue v) {
        if (v instanceof jakarta.json.JsonString s) {
            try {
                return java.time.OffsetDateTime.parse(s.getString()).toInstant();
            } catch (java.time.format.DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }
}
