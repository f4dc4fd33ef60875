/**
 * Outbound-target safety: {@link ai.opencrane.controlplane.outbound.OutboundPolicy} decides, without DNS,
 * whether a URL the platform stores to call later (MCP server endpoints, third-party source URLs) is an
 * absolute https URL whose host is not, and does not embed, a loopback, link-local, metadata or denied
 * address. Settings: {@code opencrane.outbound.*}. Owns no table.
 */
package ai.opencrane.controlplane.outbound;
