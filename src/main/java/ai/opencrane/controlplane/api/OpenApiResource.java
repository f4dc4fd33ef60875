package ai.opencrane.controlplane.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/v1/openapi.json}: the OpenAPI 3.1 document MicroProfile OpenAPI generates from the
 * annotations, always as JSON. Liberty serves it at {@code /openapi} (YAML unless asked otherwise); this
 * public route fetches the JSON form once over loopback and keeps it, since it does not change at run time.
 */
@Path("/openapi.json")
@ApplicationScoped
@PermitAll
@Tag(name = "Meta")
public class OpenApiResource {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile String document;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirements
    @Operation(operationId = "getOpenApiSpec", summary = "The OpenAPI 3.1 document of this API")
    public String get(@Context HttpServletRequest request) {
        String doc = document;
        if (doc == null) {
            doc = fetch(request.getLocalPort());
            document = doc;
        }
        return doc;
    }

    private static String fetch(int port) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/openapi?format=JSON"))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw ApiException.upstream("the OpenAPI document is not available yet");
            }
            return response.body();
        } catch (IOException e) {
            throw ApiException.upstream("the OpenAPI document is not available yet");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.upstream("interrupted");
        }
    }
}
