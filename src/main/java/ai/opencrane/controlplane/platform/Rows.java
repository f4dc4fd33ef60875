package ai.opencrane.controlplane.platform;

import jakarta.persistence.EntityManager;

import ai.opencrane.controlplane.api.ApiException;

/** Lookups the catalogue services share: a row by its opaque id, and the uniqueness of a name. */
public final class Rows {

    /** Longer than any id {@link OpaqueIds} issues: such an id is not looked up at all. */
    private static final int MAX_ID_LENGTH = 100;

    private Rows() {
    }

    /** The row with this id, else 404 with {@code notFoundCode} ("no {@code what} with id ..."). */
    public static <T> T find(EntityManager em, Class<T> type, String id, String notFoundCode, String what) {
        T row = id == null || id.length() > MAX_ID_LENGTH ? null : em.find(type, id);
        if (row == null) {
            throw ApiException.notFound(notFoundCode, "no " + what + " with id " + id);
        }
        return row;
    }

    /**
     * 409 {@code ALREADY_EXISTS} ("{@code article} named ... already exists") when a row of {@code type} other
     * than {@code exceptId} (null on create) has this name. The entity must have {@code id} and {@code name}.
     */
    public static void requireUniqueName(EntityManager em, Class<?> type, String name, String exceptId, String article) {
        boolean taken = em.createQuery("SELECT e.id FROM " + type.getSimpleName() + " e WHERE e.name = :name", String.class)
                .setParameter("name", name).getResultStream().anyMatch(id -> !id.equals(exceptId));
        if (taken) {
            throw ApiException.alreadyExists(article + " named " + name + " already exists");
        }
    }
}
