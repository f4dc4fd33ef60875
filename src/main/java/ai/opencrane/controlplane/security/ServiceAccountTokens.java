package ai.opencrane.controlplane.security;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.AuthenticationV1Api;
import io.kubernetes.client.openapi.models.V1TokenReview;
import io.kubernetes.client.openapi.models.V1TokenReviewSpec;
import io.kubernetes.client.openapi.models.V1TokenReviewStatus;

import ai.opencrane.controlplane.kube.KubeClients;
import ai.opencrane.controlplane.platform.Settings;

/**
 * Kubernetes projected service-account tokens as bearer tokens, for workloads in the cluster: the API server
 * checks each one (a TokenReview for the configured audience, so a token minted for anything else is refused),
 * and only the service accounts the settings allow — by default those of the control plane's namespace — are
 * accepted. A review is remembered for 30 s (keyed by the token's hash), so a deleted service account's
 * token stops working within that time.
 */
@ApplicationScoped
public class ServiceAccountTokens {

    private static final Logger LOG = Logger.getLogger(ServiceAccountTokens.class.getName());
    private static final long REMEMBER_MILLIS = 30_000;
    private static final int MAX_REMEMBERED = 10_000;

    @Inject
    Settings settings;

    @Inject
    KubeClients kube;

    private record Review(Caller caller, long until) {
    }

    private final Map<String, Review> reviews = new ConcurrentHashMap<>();

    /** Whether service-account tokens are accepted at all (an audience is configured and a cluster is there). */
    public boolean enabled() {
        return settings.serviceAccountAudience().isPresent() && kube.configured();
    }

    /** The caller for a token the API server vouches for and the settings allow, else empty. */
    public Optional<Caller> verify(String token) {
        String key = HexFormat.of().formatHex(Authenticator.sha256(token));
        Review remembered = reviews.get(key);
        long now = System.currentTimeMillis();
        if (remembered != null && remembered.until() > now) {
            return Optional.ofNullable(remembered.caller());
        }
        Caller caller = review(token);
        if (reviews.size() >= MAX_REMEMBERED) {
            reviews.clear();
        }
        reviews.put(key, new Review(caller, now + REMEMBER_MILLIS));
        return Optional.ofNullable(caller);
    }

    private Caller review(String token) {
        String audience = settings.serviceAccountAudience().orElseThrow();
        V1TokenReview request = new V1TokenReview().spec(new V1TokenReviewSpec().token(token).audiences(List.of(audience)));
        try {
            V1TokenReviewStatus status = new AuthenticationV1Api(kube.api()).createTokenReview(request).execute().getStatus();
            if (status == null || !Boolean.TRUE.equals(status.getAuthenticated()) || status.getUser() == null
                    || status.getAudiences() == null || !status.getAudiences().contains(audience)) {
                return null;
            }
            String user = status.getUser().getUsername();
            return allowed(user) ? new Caller(user, "service-account", false, "kubernetes", null, null) : null;
        } catch (ApiException e) {
            LOG.warning(() -> "TokenReview failed (HTTP " + e.getCode() + "); the token is refused");
            throw ai.opencrane.controlplane.api.ApiException.upstream("Kubernetes could not review the token");
        }
    }

    /** {@code system:serviceaccount:<namespace>:<name>} matched against the allowed list ({@code *} as the name). */
    boolean allowed(String user) {
        if (user == null || !user.startsWith("system:serviceaccount:")) {
            return false;
        }
        List<String> allowed = settings.serviceAccountSubjects()
                .orElse(List.of("system:serviceaccount:" + settings.namespace() + ":*"));
        for (String pattern : allowed) {
            String p = pattern.trim();
            if (p.equals(user) || p.endsWith(":*") && user.startsWith(p.substring(0, p.length() - 1))
                    && user.indexOf(':', p.length() - 1) < 0) {
                return true;
            }
        }
        return false;
    }
}
