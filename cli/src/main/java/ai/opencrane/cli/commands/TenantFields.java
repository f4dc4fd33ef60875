package ai.opencrane.cli.commands;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Option;

/** The common tenant fields as flags, shared by {@code tenants create} and {@code tenants update}. */
public final class TenantFields {

    @Option(names = "--display-name", paramLabel = "TEXT", description = "The person's display name.")
    String displayName;

    @Option(names = "--email", paramLabel = "ADDRESS", description = "The person's e-mail address.")
    String email;

    @Option(names = "--team", paramLabel = "TEAM", description = "The team (a Kubernetes label value).")
    String team;

    @Option(names = "--label", paramLabel = "KEY=VALUE", description = "A label (repeatable); replaces all labels.")
    Map<String, String> labels;

    @Option(names = "--budget", paramLabel = "USD", description = "Monthly AI budget in USD.")
    BigDecimal monthlyBudgetUsd;

    @Option(names = "--policy", paramLabel = "NAME", description = "The access policy to bind (policyRef).")
    String policyRef;

    @Option(names = "--skill", paramLabel = "NAME", split = ",", description = "A skill the tenant may use (repeatable).")
    List<String> skills;

    @Option(names = "--cpu", paramLabel = "QUANTITY", description = "CPU for the tenant's pod, e.g. 500m.")
    String cpu;

    @Option(names = "--memory", paramLabel = "QUANTITY", description = "Memory for the tenant's pod, e.g. 1Gi.")
    String memory;

    @Option(names = "--image", paramLabel = "IMAGE", description = "The OpenClaw image (openclawImage).")
    String image;

    void into(Body body) {
        body.put("displayName", displayName).put("email", email).put("team", team).put("labels", labels)
                .put("monthlyBudgetUsd", monthlyBudgetUsd).put("policyRef", policyRef).put("skillAllowlist", skills)
                .put("resources", Body.empty().put("cpu", cpu).put("memory", memory)).put("openclawImage", image);
    }
}
