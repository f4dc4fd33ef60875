package ai.opencrane.controlplane.kube;

import java.io.FileReader;
import java.io.IOException;
import java.io.Reader;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import io.kubernetes.client.util.credentials.AccessTokenAuthentication;
import okhttp3.ConnectionPool;

import ai.opencrane.controlplane.api.ApiException;
import ai.opencrane.controlplane.platform.Settings;

/**
 * The official Kubernetes client, configured once: explicit settings ({@code opencrane.kube.api-server}
 * and token) first, then the in-cluster service account, then {@code KUBECONFIG}. Two clients share that
 * configuration: one with the request timeout for API calls, one without a read timeout for watches.
 */
@ApplicationScoped
public class KubeClients {

    private static final Logger LOG = Logger.getLogger(KubeClients.class.getName());
    /**
     * Idle connections kept to the API server. Over HTTP/2 (TLS) one connection carries every call; over HTTP/1.1
     * each concurrent call needs its own, and OkHttp's default of 5 closed and reopened connections under more
     * concurrent writes than that (measured: connection set-up and teardown were 3% of the server's CPU under
     * creates on 10 connections). Twenty, the database pool's default size: every write also needs one of those.
     */
    private static final int IDLE_CONNECTIONS = 20;

    @Inject
    Settings settings;

    private ApiClient api;
    private ApiClient watch;
    private String source = "none";

    @PostConstruct
    void init() {
        try {
            ApiClient base = build();
            if (base == null) {
                LOG.warning("no Kubernetes cluster configured: tenant and policy routes answer 503");
                return;
            }
            Duration timeout = Duration.ofMillis(settings.kubeTimeoutMs());
            api = base;
            api.setHttpClient(base.getHttpClient().newBuilder()
                    .connectionPool(new ConnectionPool(IDLE_CONNECTIONS, 5, TimeUnit.MINUTES))
                    .connectTimeout(Duration.ofSeconds(5)).readTimeout(timeout).writeTimeout(timeout)
                    .callTimeout(timeout.plusSeconds(5)).build());
            watch = build();
            watch.setHttpClient(watch.getHttpClient().newBuilder()
                    .connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ZERO).build());
            LOG.info(() -> "Kubernetes client configured from " + source + ", namespace " + settings.namespace());
        } catch (IOException | RuntimeException e) {
            LOG.severe("cannot configure the Kubernetes client (" + source + "): " + e.getClass().getName());
            api = null;
            watch = null;
        }
    }

    private ApiClient build() throws IOException {
        if (settings.kubeApiServer().isPresent()) {
            source = "opencrane.kube.api-server";
            ClientBuilder b = new ClientBuilder().setBasePath(settings.kubeApiServer().get())
                    .setVerifyingSsl(settings.kubeVerifyTls());
            settings.kubeToken().ifPresent(t -> b.setAuthentication(new AccessTokenAuthentication(t)));
            return b.build();
        }
        if (settings.inCluster()) {
            source = "in-cluster service account";
            return ClientBuilder.cluster().build();
        }
        if (settings.kubeconfig().isPresent()) {
            source = "KUBECONFIG";
            try (Reader reader = new FileReader(settings.kubeconfig().get())) {
                return ClientBuilder.kubeconfig(KubeConfig.loadKubeConfig(reader)).build();
            }
        }
        return null;
    }

    public boolean configured() {
        return api != null;
    }

    /** The client for API calls; 503 NOT_CONFIGURED when no cluster is configured. */
    public ApiClient api() {
        if (api == null) {
            throw ApiException.notConfigured("no Kubernetes cluster is configured for this control plane");
        }
        return api;
    }

    /** The client for long-running watches (no read timeout). */
    public ApiClient watch() {
        if (watch == null) {
            throw ApiException.notConfigured("no Kubernetes cluster is configured for this control plane");
        }
        return watch;
    }

    public String namespace() {
        return settings.namespace();
    }
}
