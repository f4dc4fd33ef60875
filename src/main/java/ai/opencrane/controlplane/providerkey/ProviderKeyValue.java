package ai.opencrane.controlplane.providerkey;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code PUT /providers/keys/{provider}}: the provider in the path. */
@Schema(name = "ProviderKeyValue")
public record ProviderKeyValue(
        @Schema(required = true, minLength = 1, maxLength = 4096, description = "The provider's API key.") String apiKey) {
}
