package ai.opencrane.controlplane.mcpserver;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ai.opencrane.controlplane.api.Checks;
import ai.opencrane.controlplane.grant.Vocabulary;

/** A credential reference: the API never accepts or returns a secret value, only the Secret that holds it. */
@Schema(name = "McpServerCredentialInput")
public record CredentialRequest(
        @Schema(required = true, minLength = 1, maxLength = 200, pattern = Vocabulary.NAME,
                description = Vocabulary.NAME_RULE) String displayName,
        @Schema(required = true, enumeration = {"obo", "static"},
                description = "obo: on behalf of the calling user (token exchange); static: one shared credential.")
        String mode,
        @Schema(maxLength = 253, pattern = Checks.DNS_SUBDOMAIN,
                description = "The name of a Kubernetes Secret (a DNS-1123 subdomain); required for static credentials")
        String secretRef) {
}
