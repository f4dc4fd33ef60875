package ai.opencrane.controlplane.kube;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.json.JsonObject;

/**
 * The PostgreSQL projection of one custom-resource kind. Writes are ordered by resourceVersion: an older
 * version never overwrites a newer one, so the API's writes, the watch's events and repairs can race safely.
 * Implementations join the caller's transaction.
 */
public interface Projection {

    /** A projected row in the shape of its resource, with the time it was last written. */
    record Row(JsonObject resource, Instant updatedAt) {
    }

    /** The plural of the kind, e.g. {@code tenants}. */
    String plural();

    /** The kind, e.g. {@code Tenant}, for audit resources and messages. */
    String kind();

    /** The NOT_FOUND code of the kind, e.g. {@code TENANT_NOT_FOUND}. */
    String notFoundCode();

    /**
     * Writes the row for {@code resource} unless the stored row is at the same or a newer version, or the
     * resource was deleted at or after this version; a {@code repair} also rewrites a row at the same version
     * (one changed in the database). Returns true when the row changed.
     */
    boolean apply(JsonObject resource, boolean repair);

    /** Deletes the row of a deleted resource unless the row is newer than {@code resourceVersion}. */
    boolean remove(String name, Long resourceVersion);

    /**
     * After a full list at {@code listVersion}: deletes rows that came from a resource (they have a uid)
     * whose name is not in {@code present} and that are not newer than the list. Returns the names removed.
     */
    Set<String> removeVanished(Set<String> present, Long listVersion);

    /** Rows in name order (bytewise, as the API server lists), after {@code afterName} (null: from the start). */
    List<Row> rows(String afterName, int limit);
}
