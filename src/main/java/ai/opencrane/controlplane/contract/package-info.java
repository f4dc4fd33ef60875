/**
 * The runtime contract's building blocks. {@link ai.opencrane.controlplane.contract.GrantResolver} (pure)
 * picks one decision per payload from the applicable grants; {@link ai.opencrane.controlplane.contract.GrantDecisions}
 * loads and resolves them for a tenant in a bounded number of queries;
 * {@link ai.opencrane.controlplane.contract.CanonicalJson} makes the contract id. Owns no table.
 */
package ai.opencrane.controlplane.contract;
