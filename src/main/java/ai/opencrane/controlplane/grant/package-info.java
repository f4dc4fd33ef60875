/**
 * The one grant model (table {@code grants}) shared by every payload family: MCP server grants and skill
 * entitlements listed on their catalogue entry, and grants listed on groups.
 * {@link ai.opencrane.controlplane.grant.GrantStore} validates, stores and reads them for the feature
 * services; resolution is in {@code contract/}.
 */
package ai.opencrane.controlplane.grant;
