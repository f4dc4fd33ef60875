/**
 * The Kubernetes side: one configured client (in-cluster service account, {@code KUBECONFIG}, or explicit
 * settings), the custom-resource constants, typed access to Tenant and AccessPolicy resources with failures
 * turned into API errors, and the watch that keeps their PostgreSQL projections current.
 */
package ai.opencrane.controlplane.kube;
