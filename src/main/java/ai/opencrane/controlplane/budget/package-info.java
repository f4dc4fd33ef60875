/**
 * AI budgets: the global monthly ceiling (table {@code budget_global}; LiteLLM has no admin API for a global
 * budget, so the control plane enforces it by blocking the tenants' keys) and per-account ceilings (table
 * {@code budget_accounts}; an account is a LiteLLM internal user, whose {@code max_budget} LiteLLM enforces
 * across the keys of that user). Also the {@code /ai-budget} routes and the leader's periodic LiteLLM pass.
 */
package ai.opencrane.controlplane.budget;
