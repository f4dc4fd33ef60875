package ai.opencrane.controlplane.budget;

/** A response body with the version its ETag carries. */
public record Versioned<T>(T value, long version) {
}
