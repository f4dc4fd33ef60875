/**
 * The tenants' LiteLLM virtual keys: issued through LiteLLM's admin API when a tenant is created (and by the
 * leader for tenants that have none), kept in the Kubernetes Secret {@code openclaw-<tenant>-litellm-key} the
 * tenant's pod mounts, their budget kept equal to the tenant's, revoked in LiteLLM on request and when the tenant
 * is deleted, and blocked while the global budget is exceeded. Owns table {@code tenant_litellm_keys} and the
 * key Secrets; the key itself is only ever in LiteLLM and the Secret.
 */
package ai.opencrane.controlplane.litellmkey;
