package ai.opencrane.controlplane.grant;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import ai.opencrane.controlplane.api.ApiException;
import ai.opencrane.controlplane.api.Page;

/** Values the catalogues, groups and grants share: scopes and the rule for display names. */
public final class Vocabulary {

    /** Names: printable, no leading or trailing space (with {@code minLength = 1, maxLength = 200}). */
    public static final String NAME = "[^\\s\\p{Cntrl}]([^\\p{Cntrl}]*[^\\s\\p{Cntrl}])?";
    public static final String NAME_RULE = "Printable characters without leading or trailing spaces";
    public static final List<String> SCOPES = List.of("org", "department", "project", "personal");

    private Vocabulary() {
    }

    /** A query-parameter filter: null when absent, else one of {@code allowed} (400 otherwise). */
    public static String filter(String name, String value, List<String> allowed) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!allowed.contains(value)) {
            throw ApiException.invalid(name, "must be one of " + String.join(", ", allowed));
        }
        return value;
    }

    /** 400 for a PUT that sends {@code null} for a field that cannot be empty. */
    public static ApiException cannotClear(String field) {
        return ApiException.invalid(field, "cannot be cleared");
    }

    /** Returns {@code value}, noting {@code field} in {@code changed} when it differs from {@code old}. */
    public static <T> T track(List<String> changed, String field, T old, T value) {
        if (!Objects.equals(old, value)) {
            changed.add(field);
        }
        return value;
    }

    /** Trimmed, de-duplicated, order kept; a blank entry is a 400 naming it. */
    public static List<String> distinctTrimmed(String field, List<String> values) {
        Map<String, String> errors = new TreeMap<>();
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i).trim();
            if (v.isEmpty()) {
                errors.put(field + "[" + i + "]", "must not be blank");
            }
            out.add(v);
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return List.copyOf(out);
    }

    /** The creation time in a keyset cursor, as the query parameter {@code created_at} is compared with. */
    public static OffsetDateTime cursorTime(String value) {
        return Instant.parse(value).atOffset(ZoneOffset.UTC);
    }

    /** A page of rows turned into a page of views, pagination kept. */
    public static <E, V> Page<V> mapPage(Page<E> rows, Function<E, V> view) {
        return new Page<>(rows.data().stream().map(view).toList(), rows.pagination());
    }
}
