/**
 * Groups (tables {@code groups}, {@code group_members}; the grants listed on a group are rows of
 * {@code grants}): {@code /api/v1/groups}. Members are principals (tenant names or user ids). Deleting a
 * group removes its memberships and every grant that exists through it.
 */
package ai.opencrane.controlplane.group;
