/**
 * Keeping the cluster and PostgreSQL in step: leadership among replicas (a PostgreSQL advisory lock), the
 * watches that project Tenant and AccessPolicy changes, drift detection, repair and the scheduled reconciler.
 */
package ai.opencrane.controlplane.reconcile;
