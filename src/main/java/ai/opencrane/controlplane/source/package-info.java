/**
 * Third-party sources (tables {@code third_party_sources}, {@code third_party_source_items}): where catalogue
 * entries come from (an MCP registry, Anthropic skills, a git repository, manual uploads) and the items each
 * manages. {@code /api/v1/third-party-sources}. A source cannot be removed while MCP servers or skill bundles
 * refer to it. No sync engine yet: {@code status} and {@code lastSyncedAt} are written through the API.
 */
package ai.opencrane.controlplane.source;
