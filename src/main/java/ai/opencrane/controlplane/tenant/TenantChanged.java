package ai.opencrane.controlplane.tenant;

import jakarta.json.JsonObject;

/**
 * A tenant change that has been committed (resource and projection), fired synchronously by
 * {@link TenantService} so other features can follow the tenant's lifecycle. {@code resource} is the Tenant
 * resource after the change (null after a delete). Observers must not throw: the change has already happened.
 */
public record TenantChanged(Kind kind, String name, JsonObject resource) {

    public enum Kind { CREATED, UPDATED, DELETED }
}
