/**
 * The skills catalogue (tables {@code skill_bundles}, {@code skill_promotions}; entitlements are rows of
 * {@code grants}): {@code /api/v1/skills/catalog}. Publishing needs {@code scan_status = passed}, which only a
 * scan of the bundle's current digest may set (422 {@code SCAN_REQUIRED} otherwise).
 */
package ai.opencrane.controlplane.skill;
