package ai.opencrane.controlplane.mcpserver;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "McpServerCredential")
public record CredentialView(
        @Schema(required = true) String id,
        @Schema(required = true) String displayName,
        @Schema(required = true, enumeration = {"obo", "static"}) String mode,
        @Schema(description = "The Kubernetes Secret holding the credential.") String secretRef) {
}
