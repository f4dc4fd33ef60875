package ai.opencrane.controlplane.tenant;

import java.time.Instant;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import ai.opencrane.controlplane.api.JsonMapping;
import ai.opencrane.controlplane.kube.CustomResources;
import ai.opencrane.controlplane.platform.JsonbConverter;

/** A row of the {@code tenants} projection; written only through {@link TenantProjection}. */
@Entity
@Table(name = "tenants")
public class Tenant {

    @Id
    String name;

    @Column(name = "display_name")
    String displayName;

    String email;

    String team;

    @Column(name = "policy_ref")
    String policyRef;

    boolean suspended;

    @Convert(converter = JsonbConverter.class)
    JsonObject labels;

    @Convert(converter = JsonbConverter.class)
    JsonObject spec;

    String phase;

    @Column(name = "ingress_host")
    String ingressHost;

    @Convert(converter = JsonbConverter.class)
    JsonObject status;

    String uid;

    @Column(name = "resource_version")
    String resourceVersion;

    @Column(name = "created_at")
    Instant createdAt;

    @Column(name = "updated_at")
    Instant updatedAt;

    public String name() {
        return name;
    }

    public String team() {
        return team;
    }

    public String email() {
        return email;
    }

    public String policyRef() {
        return policyRef;
    }

    public JsonObject labels() {
        return labels;
    }

    /** The row in the shape of the resource it projects, so one mapping serves both. */
    JsonObject asResource() {
        JsonObjectBuilder meta = JsonMapping.JSON.createObjectBuilder().add("name", name).add("labels", labels)
                .add("resourceVersion", resourceVersion).add("creationTimestamp", createdAt.toString());
        if (uid != null) {
            meta.add("uid", uid);
        }
        JsonObjectBuilder b = JsonMapping.JSON.createObjectBuilder().add("apiVersion", CustomResources.API_VERSION)
                .add("kind", "Tenant").add("metadata", meta).add("spec", spec);
        if (status != null) {
            b.add("status", status);
        }
        return b.build();
    }

    TenantView view() {
        return TenantView.of(name, labels, spec, status == null ? JsonValue.EMPTY_JSON_OBJECT : status,
                resourceVersion, createdAt, updatedAt);
    }
}
