package ai.opencrane.controlplane.contract;

/** A skill bundle the principal is entitled to, with what a contract needs to fetch it. */
public record EntitledSkill(String id, String name, String scope, String version, String digest, String status) {
}
