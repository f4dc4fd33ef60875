/**
 * Tenants: one isolated AI assistant per person. Owns the {@code Tenant} custom resource writes and its
 * projection (tables {@code tenants} and {@code tenant_datasets}); suspend, resume and dataset memberships.
 * Committed creates, updates and deletes are announced as {@link ai.opencrane.controlplane.tenant.TenantChanged}.
 * Single reads come from {@link ai.opencrane.controlplane.tenant.TenantCache} while PostgreSQL's notifications keep
 * it honest.
 */
package ai.opencrane.controlplane.tenant;
