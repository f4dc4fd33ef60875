package ai.opencrane.controlplane.litellm;

import java.math.BigDecimal;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import ai.opencrane.controlplane.api.JsonMapping;
import ai.opencrane.controlplane.platform.Settings;

/**
 * Accounts as LiteLLM internal users: a user's {@code max_budget} (reset every {@code budget_duration}) is the
 * account's ceiling, which LiteLLM enforces across every key issued with that {@code user_id}
 * (docs proxy/users.md "Internal User"; /user/new and /user/update in internal_user_endpoints.py).
 */
@ApplicationScoped
public class LiteLlmUsers {

    @Inject
    LiteLlmClient litellm;

    @Inject
    Settings settings;

    /** Makes sure LiteLLM knows the user before a key names it, created with {@code limit} when it is new. */
    public void ensure(String userId, BigDecimal limit) {
        if (litellm.userInfo(userId).isPresent()) {
            return;
        }
        try {
            push(userId, limit, false, true);
        } catch (LiteLlmException e) {
            if (!e.conflict()) {
                throw e;
            }
        }
    }

    /** The user's {@code max_budget} in LiteLLM: empty when LiteLLM does not know the user, null inside when unlimited. */
    public Optional<Optional<BigDecimal>> limit(String userId) {
        return litellm.userInfo(userId).map(info -> {
            JsonValue v = info.get("max_budget");
            return v instanceof JsonNumber n ? Optional.of(n.bigDecimalValue()) : Optional.<BigDecimal>empty();
        });
    }

    /**
     * Sets the user's ceiling ({@code null} removes it with an explicit {@code "max_budget": null}) on a user LiteLLM
     * knows ({@code exists}), or creates the user (without a key) when it does not.
     */
    public void push(String userId, BigDecimal limit, boolean exists) {
        push(userId, limit, exists, false);
    }

    private void push(String userId, BigDecimal limit, boolean exists, boolean always) {
        JsonObjectBuilder body = JsonMapping.JSON.createObjectBuilder().add("user_id", userId);
        if (limit == null) {
            body.addNull("max_budget");
        } else {
            body.add("max_budget", limit).add("budget_duration", settings.litellmBudgetDuration());
        }
        if (exists) {
            litellm.updateUser(body.build());
        } else if (limit != null || always) {
            if (limit == null) {
                body.remove("max_budget");
            }
            litellm.newUser(body.add("auto_create_key", false).build());
        }
    }
}
