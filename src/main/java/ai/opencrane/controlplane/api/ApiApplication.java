package ai.opencrane.controlplane.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The versioned API; every resource lives under {@code /api/v1}. */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
        info = @Info(title = "OpenCrane Control Plane API", version = "1.0.0",
                description = "Tenants, access policies, catalogues, grants, credentials, budgets and audit "
                        + "for OpenCrane. Errors use the Error envelope; collections are {data, pagination}."),
        security = @SecurityRequirement(name = "bearerAuth"))
@SecurityScheme(securitySchemeName = "bearerAuth", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A static token (OPENCRANE_API_TOKEN), an ocp_ access token, or a JWT from the identity "
                + "provider, as Authorization: Bearer <token>. Browsers use the session cookie from /auth/login.")
public class ApiApplication extends Application {
}
