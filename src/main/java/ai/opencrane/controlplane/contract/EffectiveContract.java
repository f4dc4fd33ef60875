package ai.opencrane.controlplane.contract;

import java.util.List;

import jakarta.json.JsonObject;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ai.opencrane.controlplane.tenant.DatasetMembership;

/** What a tenant's assistant may reach, compiled from current data on each request. */
@Schema(name = "EffectiveContract")
public record EffectiveContract(
        @Schema(required = true) String contractVersion,
        @Schema(required = true, description = "SHA-256 hex of the canonical JSON of the contract without this field "
                + "(keys sorted recursively, arrays in their order, nulls left out).") String contractId,
        @Schema(required = true) Tenant tenant,
        @Schema(required = true) Policy policy,
        @Schema(required = true) Awareness awareness,
        @Schema(required = true) Mcp mcp,
        @Schema(required = true) Skills skills) {

    @Schema(name = "ContractTenant")
    public record Tenant(@Schema(required = true) String name, String team,
                         @Schema(description = "The tenant's explicit policyRef, if any.") String policyRef) {
    }

    @Schema(name = "ContractPolicy")
    public record Policy(
            @Schema(description = "The bound access policy, absent when none binds.") String name,
            @Schema(required = true, enumeration = {"policyRef", "selector", "none"}) String source,
            @Schema(required = true, enumeration = {"Resolved", "NoPolicy", "PolicyNotFound", "PolicyConflict"}) String state,
            @Schema(description = "The policies involved in a conflict, or the missing reference.") List<String> candidates,
            @Schema(description = "The bound policy's spec.") JsonObject spec) {
    }

    @Schema(name = "ContractAwareness")
    public record Awareness(@Schema(required = true) String citationFormat,
                            @Schema(required = true) DatasetMembership memberships,
                            @Schema(required = true) List<Decision> grants) {
    }

    @Schema(name = "ContractDecision")
    public record Decision(@Schema(required = true) String payloadId,
                           @Schema(required = true, enumeration = {"allow", "deny"}) String access) {
    }

    @Schema(name = "ContractMcp")
    public record Mcp(@Schema(required = true) String gateway, @Schema(required = true) List<Server> servers) {
    }

    @Schema(name = "ContractMcpServer")
    public record Server(String id, String name, String transport, String endpoint) {
    }

    @Schema(name = "ContractSkills")
    public record Skills(@Schema(required = true) String registry, @Schema(required = true) List<Skill> entitled) {
    }

    @Schema(name = "ContractSkill")
    public record Skill(String id, String name, String scope, String version, String digest) {
    }
}
