/**
 * Token usage: LiteLLM's spend logs copied into PostgreSQL by the leader on a schedule (table
 * {@code token_usage}, one row per LiteLLM request id), {@code GET /token-usage}, and the monthly spend sums the
 * budgets report.
 */
package ai.opencrane.controlplane.usage;
