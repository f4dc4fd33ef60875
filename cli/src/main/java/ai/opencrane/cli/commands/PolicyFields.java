package ai.opencrane.cli.commands;

import java.util.List;
import java.util.Map;

import picocli.CommandLine.Option;

/** The common access-policy fields as flags; egress rules only come from {@code --file}. */
public final class PolicyFields {

    @Option(names = "--description", paramLabel = "TEXT", description = "What the policy is for.")
    String description;

    @Option(names = "--match-team", paramLabel = "TEAM",
            description = "Bind tenants of this team (tenantSelector.matchTeam).")
    String matchTeam;

    @Option(names = "--match-label", paramLabel = "KEY=VALUE",
            description = "Bind tenants carrying this label (repeatable).")
    Map<String, String> matchLabels;

    @Option(names = "--allow-domain", paramLabel = "DOMAIN", split = ",",
            description = "A domain tenants may reach, e.g. *.example.org (repeatable).")
    List<String> allowDomains;

    @Option(names = "--deny-domain", paramLabel = "DOMAIN", split = ",",
            description = "A domain tenants may not reach (repeatable); deny wins.")
    List<String> denyDomains;

    @Option(names = "--allow-mcp", paramLabel = "SERVER", split = ",",
            description = "An MCP server tenants may use (repeatable).")
    List<String> allowMcp;

    @Option(names = "--deny-mcp", paramLabel = "SERVER", split = ",",
            description = "An MCP server tenants may not use (repeatable).")
    List<String> denyMcp;

    void into(Body body) {
        body.put("description", description)
                .put("tenantSelector", Body.empty().put("matchTeam", matchTeam).put("matchLabels", matchLabels))
                .put("domains", Body.empty().put("allow", allowDomains).put("deny", denyDomains))
                .put("mcpServers", Body.empty().put("allow", allowMcp).put("deny", denyMcp));
    }
}
