package ai.opencrane.controlplane.kube;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1DeleteOptions;
import io.kubernetes.client.openapi.models.V1Preconditions;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.util.PatchUtils;

/**
 * Secrets in the managed namespace through the official client's {@code CoreV1Api}, failures as
 * {@link KubeException}. Updates are JSON merge patches (the Role grants no {@code update}).
 */
@ApplicationScoped
public class Secrets {

    @Inject
    KubeClients clients;

    public V1Secret create(V1Secret secret) throws KubeException {
        return call(api -> api.createNamespacedSecret(clients.namespace(), secret).execute());
    }

    public Optional<V1Secret> get(String name) throws KubeException {
        try {
            return Optional.of(call(api -> api.readNamespacedSecret(name, clients.namespace()).execute()));
        } catch (KubeException e) {
            if (e.notFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public V1Secret mergePatch(String name, JsonObject patch) throws KubeException {
        ApiClient client = clients.api();
        return call(api -> PatchUtils.patch(V1Secret.class,
                () -> api.patchNamespacedSecret(name, clients.namespace(), new V1Patch(patch.toString())).buildCall(null),
                V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH, client));
    }

    /**
     * Deletes the Secret; with {@code resourceVersion}, only if it is still at that version (else 409). Returns
     * false when it did not exist. The answer is not parsed: API servers send either the object or a Status.
     */
    public boolean delete(String name, String resourceVersion) throws KubeException {
        ApiClient client = clients.api();
        V1DeleteOptions options = new V1DeleteOptions();
        if (resourceVersion != null) {
            options.setPreconditions(new V1Preconditions().resourceVersion(resourceVersion));
        }
        try (okhttp3.Response r = new CoreV1Api(client).deleteNamespacedSecret(name, clients.namespace())
                .body(options).buildCall(null).execute()) {
            if (r.code() == 404) {
                return false;
            }
            if (!r.isSuccessful()) {
                String body = r.body() == null ? null : r.body().string();
                throw CustomResources.failure(new io.kubernetes.client.openapi.ApiException(r.code(), r.headers().toMultimap(), body));
            }
            return true;
        } catch (io.kubernetes.client.openapi.ApiException e) {
            throw CustomResources.failure(e);
        } catch (InterruptedIOException e) {
            throw new KubeException(0, null, "timed out", true);
        } catch (IOException e) {
            throw new KubeException(0, null, "unreachable", false);
        }
    }

    @FunctionalInterface
    private interface Call<T> {
        T run(CoreV1Api api) throws io.kubernetes.client.openapi.ApiException;
    }

    private <T> T call(Call<T> call) throws KubeException {
        try {
            return call.run(new CoreV1Api(clients.api()));
        } catch (io.kubernetes.client.openapi.ApiException e) {
            throw CustomResources.failure(e);
        }
    }
}
