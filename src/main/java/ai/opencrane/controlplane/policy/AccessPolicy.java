package ai.opencrane.controlplane.policy;

import java.time.Instant;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import ai.opencrane.controlplane.api.JsonMapping;
import ai.opencrane.controlplane.kube.CustomResources;
import ai.opencrane.controlplane.platform.JsonbConverter;

/** A row of the {@code access_policies} projection; written only through {@link PolicyProjection}. */
@Entity
@Table(name = "access_policies")
public class AccessPolicy {


    @Id
    String name;

    String description;

    @Convert(converter = JsonbConverter.class)
    JsonObject spec;

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

    public JsonObject spec() {
        return spec;
    }

    /** The row in the shape of the resource it projects. */
    public JsonObject asResource() {
        JsonObjectBuilder meta = JsonMapping.JSON.createObjectBuilder().add("name", name)
                .add("resourceVersion", resourceVersion).add("creationTimestamp", createdAt.toString());
        if (uid != null) {
            meta.add("uid", uid);
        }
        JsonObjectBuilder b = JsonMapping.JSON.createObjectBuilder().add("apiVersion", CustomResources.API_VERSION)
                .add("kind", "AccessPolicy").add("metadata", meta).add("spec", spec);
        if (status != null) {
            b.add("status", status);
        }
        return b.build();
    }
}
