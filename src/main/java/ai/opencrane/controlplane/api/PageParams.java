package ai.opencrane.controlplane.api;

import java.util.List;
import java.util.function.Function;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The {@code limit} and {@code cursor} query parameters every collection takes ({@code @BeanParam}). */
public class PageParams {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    @QueryParam("limit")
    @Parameter(description = "Page size, 1 to 1000 (default 100).",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000", defaultValue = "100"))
    String limit;

    @QueryParam("cursor")
    @Parameter(description = "The nextCursor of the previous page.")
    String cursor;

    public PageParams() {
    }

    public PageParams(String limit, String cursor) {
        this.limit = limit;
        this.cursor = cursor;
    }

    public int limit() {
        if (limit == null || limit.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(limit);
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.invalid("limit", "must be an integer from 1 to " + MAX_LIMIT);
    }

    /** The decoded sort key after which the page starts, or null for the first page. */
    public List<String> after(int parts) {
        return cursor == null || cursor.isEmpty() ? null : Cursor.decode(cursor, parts);
    }

    /**
     * Builds the page from rows fetched with {@code limit + 1}: the extra row only says there is more.
     */
    public <E, V> Page<V> page(List<E> rows, Function<E, List<String>> key, Function<E, V> view) {
        int limit = limit();
        boolean more = rows.size() > limit;
        List<E> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? Cursor.encode(key.apply(shown.get(shown.size() - 1))) : null;
        return new Page<>(shown.stream().map(view).toList(), new Page.Pagination(limit, more, next));
    }
}
