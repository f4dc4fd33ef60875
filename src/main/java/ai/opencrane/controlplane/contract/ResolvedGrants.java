package ai.opencrane.controlplane.contract;

import java.util.List;

/**
 * One decision per payload that has any applicable grant, per family, each list sorted by payload id.
 * A payload without a decision is not allowed.
 */
public record ResolvedGrants(List<GrantDecision> awareness, List<GrantDecision> mcpServers,
                             List<GrantDecision> skillBundles) {

    /** Ids of the allowed payloads of a list, in order. */
    public static List<String> allowedIds(List<GrantDecision> decisions) {
        return decisions.stream().filter(GrantDecision::allowed).map(GrantDecision::payloadId).toList();
    }
}
