package ai.opencrane.controlplane.budget;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code budget_accounts}. */
@Entity
@Table(name = "budget_accounts")
public class AccountBudget {

    @Id
    @Column(name = "user_id")
    String userId;

    @Column(name = "monthly_limit_usd")
    BigDecimal monthlyLimitUsd;

    long version;

    @Column(name = "created_at")
    Instant createdAt;

    @Column(name = "updated_at")
    Instant updatedAt;
}
