package ai.opencrane.controlplane.usage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import ai.opencrane.controlplane.api.ApiException;
import ai.opencrane.controlplane.api.Keyset;
import ai.opencrane.controlplane.api.Page;
import ai.opencrane.controlplane.api.PageParams;

/** Reads synced usage newest first; {@code from} is inclusive, {@code to} exclusive. */
@ApplicationScoped
public class TokenUsageService {

    @PersistenceContext(unitName = "opencrane")
    EntityManager em;

    public Page<TokenUsageView> list(String tenant, String model, String from, String to, PageParams page) {
        OffsetDateTime start = time("from", from);
        OffsetDateTime end = time("to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            throw ApiException.invalid("to", "must be later than from");
        }
        return Keyset.of(em, TokenUsage.class, "token_usage", "recorded_at", "request_id")
                .where("tenant = ?", tenant)
                .where("model = ?", model)
                .where("recorded_at >= ?", start)
                .where("recorded_at < ?", end)
                .page(page, u -> List.of(u.recordedAt.toString(), u.requestId), TokenUsage::view,
                        s -> Instant.parse(s).atOffset(ZoneOffset.UTC), s -> s);
    }

    /** An RFC 3339 date-time, or a date meaning its midnight UTC; null when absent. */
    static OffsetDateTime time(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay().atOffset(ZoneOffset.UTC)
                    : OffsetDateTime.parse(value).withOffsetSameInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "must be an RFC 3339 date-time (2026-01-31T12:00:00Z) or a date (2026-01-31)");
        }
    }
}
