package ai.opencrane.controlplane.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A collection page: {@code {data, pagination}}. */
public record Page<T>(@Schema(required = true) List<T> data, @Schema(required = true) Pagination pagination) {

    @Schema(name = "Pagination")
    public record Pagination(
            @Schema(required = true, minimum = "1", maximum = "1000") int limit,
            @Schema(required = true) boolean hasMore,
            @Schema(description = "Opaque cursor for the next page; absent when hasMore is false.") String nextCursor) {
    }
}
