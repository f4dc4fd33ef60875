/**
 * Server and platform metrics: {@code GET /api/v1/metrics/server} (measured from the process, its container
 * and PostgreSQL) and the {@code opencrane_*} gauges exported at {@code /prom}.
 */
package ai.opencrane.controlplane.metrics;
