package ai.opencrane.controlplane.api;

/** A resource body with the version its {@code ETag} is made from. */
public record Versioned<T>(T body, long version) {
}
