package ai.opencrane.controlplane.source;

import jakarta.json.JsonObject;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ai.opencrane.controlplane.grant.Vocabulary;

@Schema(name = "ThirdPartySourceItemInput")
public record SourceItemRequest(
        @Schema(required = true, enumeration = {"mcp-server", "skill-bundle"}) String kind,
        @Schema(required = true, minLength = 1, maxLength = 200, pattern = Vocabulary.NAME,
                description = Vocabulary.NAME_RULE) String name,
        @Schema(required = true, minLength = 1, maxLength = 500, pattern = "[^\\s\\p{Cntrl}]+",
                description = "The item's id at the source, without spaces; unique per source and kind")
        String upstreamId,
        @Schema(maxLength = 100, pattern = "[^\\s\\p{Cntrl}]+", description = "A version without spaces") String version,
        @Schema(maxLength = 200, pattern = "[a-z0-9]+:[A-Za-z0-9+/=_.-]+",
                description = "An algorithm-prefixed digest, e.g. sha256:<hex>") String digest,
        @Schema(description = "Free-form details from the source (a JSON object).") JsonObject metadata) {
}
