package ai.opencrane.controlplane.source;

import jakarta.json.JsonObject;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ThirdPartySourceItem")
public record SourceItemView(
        @Schema(required = true) String id,
        @Schema(required = true, enumeration = {"mcp-server", "skill-bundle"}) String kind,
        @Schema(required = true) String name,
        @Schema(required = true) String upstreamId,
        String version,
        String digest,
        JsonObject metadata) {
}
