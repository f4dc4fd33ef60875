package ai.opencrane.controlplane.api;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * One page of a table in keyset order, newest first: {@code ORDER BY sort DESC, id DESC} with the cursor
 * as a row-value comparison, so PostgreSQL walks the {@code (sort DESC, id DESC)} index and a page a
 * million rows deep costs what the first page costs. Filters whose value is null are left out.
 */
public final class Keyset<E> {

    private final EntityManager em;
    private final Class<E> type;
    private final String table;
    private final String sort;
    private final String id;
    private final List<String> conditions = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();

    private Keyset(EntityManager em, Class<E> type, String table, String sort, String id) {
        this.em = em;
        this.type = type;
        this.table = table;
        this.sort = sort;
        this.id = id;
    }

    public static <E> Keyset<E> of(EntityManager em, Class<E> type, String table, String sortColumn, String idColumn) {
        return new Keyset<>(em, type, table, sortColumn, idColumn);
    }

    /** Adds {@code condition} (with one {@code ?} for the value) unless {@code value} is null. */
    public Keyset<E> where(String condition, Object value) {
        if (value != null) {
            values.add(value);
            conditions.add(condition.replace("?", "?" + values.size()));
        }
        return this;
    }

    /**
     * The page after the cursor. {@code key} gives a row's cursor (sort value, id) as strings;
     * {@code sortValue} and {@code idValue} turn the cursor's strings back into query parameters.
     */
    public <V> Page<V> page(PageParams page, Function<E, List<String>> key, Function<E, V> view,
                            Function<String, Object> sortValue, Function<String, Object> idValue) {
        List<String> after = page.after(2);
        List<Object> params = new ArrayList<>(values);
        StringBuilder sql = new StringBuilder("SELECT * FROM ").append(table).append(" WHERE true");
        conditions.forEach(c -> sql.append(" AND ").append(c));
        if (after != null) {
            Object s;
            Object i;
            try {
                s = sortValue.apply(after.get(0));
                i = idValue.apply(after.get(1));
            } catch (RuntimeException e) {
                throw Cursor.invalidCursor();
            }
            params.add(s);
            params.add(i);
            sql.append(" AND (").append(sort).append(", ").append(id).append(") < (?")
                    .append(params.size() - 1).append(", ?").append(params.size()).append(")");
        }
        params.add(page.limit() + 1);
        sql.append(" ORDER BY ").append(sort).append(" DESC, ").append(id).append(" DESC LIMIT ?").append(params.size());
        Query query = em.createNativeQuery(sql.toString(), type);
        for (int n = 0; n < params.size(); n++) {
            query.setParameter(n + 1, params.get(n));
        }
        @SuppressWarnings("unchecked")
        List<E> rows = query.getResultList();
        return page.page(rows, key, view);
    }
}
