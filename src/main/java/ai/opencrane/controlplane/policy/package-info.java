/**
 * Access policies: egress domains, CIDR rules and MCP server rules for the tenants a policy selects. Owns the
 * {@code AccessPolicy} custom resource writes and its projection (table {@code access_policies}).
 */
package ai.opencrane.controlplane.policy;
