/**
 * The audit log (table {@code audit_log}): {@link ai.opencrane.controlplane.audit.AuditService} is called by
 * every mutation inside its own transaction; {@code GET /api/v1/audit} pages through it newest first.
 */
package ai.opencrane.controlplane.audit;
