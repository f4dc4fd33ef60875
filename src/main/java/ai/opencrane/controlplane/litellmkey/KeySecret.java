package ai.opencrane.controlplane.litellmkey;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.kubernetes.client.openapi.models.V1Secret;

import ai.opencrane.controlplane.kube.CustomResources;
import ai.opencrane.controlplane.usage.Usd;

/**
 * The Secret {@code openclaw-<tenant>-litellm-key} the tenant's pod mounts: the key in {@code data.apiKey},
 * annotations for alias, issue time, budget and the key's row id, labels marking it as OpenCrane's, and the
 * Tenant as owner so Kubernetes removes it with the tenant even if the control plane could not.
 */
final class KeySecret {

    static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
    static final String MANAGED_BY = "opencrane-control-plane";
    static final String TENANT_LABEL = "opencrane.io/tenant";
    static final String KIND_LABEL = "opencrane.io/secret-kind";
    static final String ALIAS = "opencrane.io/litellm-key-alias";
    static final String ISSUED_AT = "opencrane.io/litellm-issued-at";
    static final String BUDGET = "opencrane.io/litellm-monthly-budget-usd";
    static final String KEY_ID = "opencrane.io/litellm-key-id";

    private KeySecret() {
    }

    static V1Secret of(KeyTarget t, String keyId, String key, Instant issuedAt) {
        V1ObjectMeta meta = new V1ObjectMeta().name(t.secretName())
                .labels(Map.of(MANAGED_BY_LABEL, MANAGED_BY, TENANT_LABEL, t.tenant(), KIND_LABEL, "litellm-key"))
                .annotations(Map.of(ALIAS, t.alias(), ISSUED_AT, issuedAt.toString(),
                        BUDGET, Usd.clean(t.monthlyBudgetUsd()).toPlainString(), KEY_ID, keyId));
        if (t.uid() != null) {
            meta.addOwnerReferencesItem(new V1OwnerReference().apiVersion(CustomResources.API_VERSION).kind("Tenant")
                    .name(t.tenant()).uid(t.uid()));
        }
        return new V1Secret().apiVersion("v1").kind("Secret").metadata(meta).type("Opaque")
                .data(Map.of("apiKey", key.getBytes(StandardCharsets.UTF_8)));
    }

    static boolean managed(V1Secret s) {
        return s.getMetadata() != null && s.getMetadata().getLabels() != null
                && MANAGED_BY.equals(s.getMetadata().getLabels().get(MANAGED_BY_LABEL));
    }

    static String keyId(V1Secret s) {
        return s.getMetadata() == null || s.getMetadata().getAnnotations() == null ? null
                : s.getMetadata().getAnnotations().get(KEY_ID);
    }
}
