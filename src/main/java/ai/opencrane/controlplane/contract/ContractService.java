package ai.opencrane.controlplane.contract;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import ai.opencrane.controlplane.api.JsonMapping;
import ai.opencrane.controlplane.platform.Settings;
import ai.opencrane.controlplane.platform.WorkLimit;
import ai.opencrane.controlplane.policy.AccessPolicy;
import ai.opencrane.controlplane.policy.PolicyService;
import ai.opencrane.controlplane.tenant.DatasetService;
import ai.opencrane.controlplane.tenant.Tenant;
import ai.opencrane.controlplane.tenant.TenantService;

/**
 * Compiles a tenant's effective contract from current data: its policy binding, dataset memberships and
 * awareness decisions, and the MCP servers (allowed and active) and skills (allowed and published) its grants
 * give it. The same data always gives the same {@code contractId}; any change to the contract changes it.
 */
@ApplicationScoped
public class ContractService {

    public static final String VERSION = "1.0.0";

    /**
     * Compilations that run at once: one per processor. A compilation is CPU work over a tenant's whole grant
     * graph (a large catalogue's contract is over 100 KB of JSON, about 5 MB allocated to build it); more at
     * once only share the same processors, each taking longer, and their data outlives young collections and
     * is promoted. Measured on 2 cores with 10 connections (1,000 groups, 10,000 grants): unbounded, 48 full
     * collections in 30 s and 81 contracts/s; one per processor, 11-26 and 98-121/s (bench/: the contract
     * scenario's full collections 176 -> 30).
     */
    private final WorkLimit compilations = new WorkLimit(Runtime.getRuntime().availableProcessors(),
            Duration.ofSeconds(10), "contract compilations");

    @Inject
    TenantService tenants;

    @Inject
    PolicyService policies;

    @Inject
    DatasetService datasets;

    @Inject
    GrantDecisions grants;

    @Inject
    Settings settings;

    public EffectiveContract compile(String name) {
        return compilations.run(() -> compileNow(name));
    }

    private EffectiveContract compileNow(String name) {
        Tenant tenant = tenants.find(name);
        Map<String, String> labels = new LinkedHashMap<>();
        tenant.labels().forEach((k, v) -> labels.put(k, v instanceof JsonString s ? s.getString() : v.toString()));

        Map<String, String> selectable = new LinkedHashMap<>(labels);
        selectable.put("opencrane.io/tenant", name);
        if (tenant.team() != null) {
            selectable.put("opencrane.io/team", tenant.team());
        }
        Map<String, JsonObject> specs = new LinkedHashMap<>();
        for (AccessPolicy p : policies.candidates(tenant.policyRef(), tenant.team(), selectable)) {
            specs.put(p.name(), p.spec());
        }
        PolicyBinding.Result binding = PolicyBinding.resolve(name, tenant.team(), labels, tenant.policyRef(), specs);

        TenantGrants g = grants.forTenant(name, tenant.team(), tenant.email(), labels);
        EffectiveContract withoutId = new EffectiveContract(VERSION, null,
                new EffectiveContract.Tenant(name, tenant.team(), tenant.policyRef()),
                new EffectiveContract.Policy(binding.policy(), binding.source(), binding.state(),
                        binding.candidates().isEmpty() ? null : binding.candidates(),
                        binding.policy() == null ? null : specs.get(binding.policy())),
                new EffectiveContract.Awareness("inline", datasets.get(name), g.decisions().awareness().stream()
                        .map(d -> new EffectiveContract.Decision(d.payloadId(), d.access())).toList()),
                new EffectiveContract.Mcp(settings.mcpGatewayUrl(), g.mcpServers().stream()
                        .filter(s -> "active".equals(s.status()))
                        .map(s -> new EffectiveContract.Server(s.id(), s.name(), s.transport(), s.endpoint())).toList()),
                new EffectiveContract.Skills(settings.skillRegistryUrl(), g.skills().stream()
                        .filter(s -> "published".equals(s.status()))
                        .map(s -> new EffectiveContract.Skill(s.id(), s.name(), s.scope(), s.version(), s.digest())).toList()));
        String id = CanonicalJson.sha256Hex(JsonMapping.toJson(withoutId));
        return new EffectiveContract(VERSION, id, withoutId.tenant(), withoutId.policy(), withoutId.awareness(),
                withoutId.mcp(), withoutId.skills());
    }
}
