package ai.opencrane.controlplane.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * One page of a table ordered newest first by {@code (created_at, id)}, the order of every catalogue
 * collection: optional filters, then {@code (created_at, id) < cursor}, then {@code LIMIT limit + 1}.
 * The cursor is the last row's creation time and id, so a page costs the same at any depth.
 */
public final class KeysetQuery {

    private final String table;
    private final StringBuilder where = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    private KeysetQuery(String table) {
        this.table = table;
    }

    public static KeysetQuery from(String table) {
        return new KeysetQuery(table);
    }

    /** Adds {@code AND condition} when {@code value} is not null; each {@code ?} in it takes {@code value}. */
    public KeysetQuery where(String condition, Object value) {
        if (value != null) {
            StringBuilder c = new StringBuilder();
            for (char ch : condition.toCharArray()) {
                if (ch == '?') {
                    params.add(value);
                    c.append('?').append(params.size());
                } else {
                    c.append(ch);
                }
            }
            where.append(" AND ").append(c);
        }
        return this;
    }

    @SuppressWarnings("unchecked")
    public <E> List<E> fetch(EntityManager em, Class<E> type, PageParams page) {
        int limit = page.limit();
        List<String> after = page.after(2);
        if (after != null) {
            params.add(parseInstant(after.get(0)));
            where.append(" AND (created_at, id) < (?").append(params.size());
            params.add(after.get(1));
            where.append(", ?").append(params.size()).append(")");
        }
        params.add(limit + 1);
        String sql = "SELECT * FROM " + table + " WHERE true" + where
                + " ORDER BY created_at DESC, id DESC LIMIT ?" + params.size();
        Query query = em.createNativeQuery(sql, type);
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return query.getResultList();
    }

    /** The cursor key of a row. */
    public static List<String> key(Instant createdAt, String id) {
        return List.of(createdAt.toString(), id);
    }

    private static OffsetDateTime parseInstant(String value) {
        try {
            return Instant.parse(value).atOffset(ZoneOffset.UTC);
        } catch (RuntimeException e) {
            throw Cursor.invalidCursor();
        }
    }
}
