package ai.opencrane.controlplane.usage;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One LiteLLM spend-log entry; written only by {@link UsageSync}. */
@Entity
@Table(name = "token_usage")
public class TokenUsage {

    @Id
    @Column(name = "request_id")
    String requestId;

    String tenant;

    @Column(name = "user_id")
    String userId;

    String model;

    @Column(name = "input_tokens")
    long inputTokens;

    @Column(name = "output_tokens")
    long outputTokens;

    @Column(name = "total_cost_usd")
    BigDecimal totalCostUsd;

    @Column(name = "recorded_at")
    Instant recordedAt;

    @Column(name = "synced_at")
    Instant syncedAt;

    TokenUsageView view() {
        return new TokenUsageView(tenant, model, inputTokens, outputTokens, Usd.clean(totalCostUsd), recordedAt);
    }
}
