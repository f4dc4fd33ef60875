package ai.opencrane.controlplane.providerkey;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code PUT /providers/keys}: the provider in the body. */
@Schema(name = "SetProviderKeyRequest")
public record SetProviderKeyRequest(
        @Schema(required = true, maxLength = 63, example = "openai",
                description = "Lowercase identifier: a letter, then letters, digits, '.', '_' or '-'.") String provider,
        @Schema(required = true, minLength = 1, maxLength = 4096, description = "The provider's API key.") String apiKey) {
}
