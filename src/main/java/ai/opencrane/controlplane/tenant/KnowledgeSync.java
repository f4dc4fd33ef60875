package ai.opencrane.controlplane.tenant;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;

import ai.opencrane.controlplane.api.ApiException;
import ai.opencrane.controlplane.api.JsonMapping;
import ai.opencrane.controlplane.platform.Settings;

/**
 * Pushes a tenant's dataset memberships to the knowledge service (Cognee's permissions API) when one is
 * configured, with the control plane's own service token — never the caller's credentials.
 */
@ApplicationScoped
public class KnowledgeSync {

    @Inject
    Settings settings;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    void sync(String tenant, DatasetMembership m) {
        if (settings.knowledgeEndpoint().isEmpty()) {
            return;
        }
        JsonArrayBuilder subjects = JsonMapping.JSON.createArrayBuilder();
        add(subjects, "org", m.org());
        add(subjects, "team", m.team());
        add(subjects, "project", m.project());
        add(subjects, "personal", m.personal());
        String body = JsonMapping.JSON.createObjectBuilder().add("subjects", subjects).build().toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.knowledgeEndpoint().get()
                        + "/v1/permissions/tenants/" + URLEncoder.encode(tenant, StandardCharsets.UTF_8) + "/subjects"))
                .timeout(Duration.ofMillis(settings.knowledgeTimeoutMs()))
                .header("Content-Type", "application/json")
                .header("X-Cognee-Tenant-Id", tenant)
                .header("X-Opencrane-Sync-Source", "control-plane")
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        settings.knowledgeToken().ifPresent(t -> request.header("Authorization", "Bearer " + t));
        try {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw ApiException.upstream("the knowledge service refused the dataset memberships (HTTP "
                        + response.statusCode() + ")");
            }
        } catch (HttpTimeoutException e) {
            throw ApiException.timeout("the knowledge service did not answer in time");
        } catch (IOException e) {
            throw ApiException.upstream("the knowledge service is unreachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.upstream("interrupted while syncing dataset memberships");
        }
    }

    private static void add(JsonArrayBuilder out, String scope, List<String> subjects) {
        subjects.forEach(s -> out.add(JsonMapping.JSON.createObjectBuilder().add("scope", scope).add("subject", s)));
    }
}
