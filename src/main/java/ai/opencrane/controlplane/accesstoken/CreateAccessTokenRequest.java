package ai.opencrane.controlplane.accesstoken;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CreateAccessTokenRequest")
public record CreateAccessTokenRequest(
        @Schema(maxLength = 200, description = "What the token is for; default \"default\".") String name,
        @Schema(maxLength = 200, description = "A label naming who the token is for; default: the creating principal. "
                + "The token always acts as the principal that created it.") String owner,
        @Schema(description = "When the token stops working; must be in the future. Default: never.") Instant expiresAt,
        @Schema(maxItems = 2, description = "Items read (GET only) and write (also changes). "
                + "Default: [\"read\", \"write\"].") List<String> scopes) {
}
