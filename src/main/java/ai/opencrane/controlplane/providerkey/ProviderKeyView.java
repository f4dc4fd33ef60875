package ai.opencrane.controlplane.providerkey;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stored provider key as anyone may see it: never the key. */
@Schema(name = "ProviderKey")
public record ProviderKeyView(
        @Schema(required = true, example = "openai") String provider,
        @Schema(required = true, description = "Always true for a stored key.") boolean configured,
        @Schema(required = true, example = "****Wx9z", description = "The key's last four characters (none for keys "
                + "shorter than 12).") String maskedValue,
        @Schema(required = true) Instant updatedAt) {

    static ProviderKeyView of(ProviderKey k) {
        return new ProviderKeyView(k.provider, true, k.maskedValue, k.updatedAt);
    }
}
