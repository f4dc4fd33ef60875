package ai.opencrane.cli.commands;

import static ai.opencrane.cli.output.Column.of;

import java.util.List;

/** The API's collections and the columns their tables show (a field the server does not send shows empty). */
final class Kinds {

    static final Kind TENANTS = new Kind("/tenants", "tenant", "tenants", List.of(
            of("NAME", "name"), of("DISPLAY NAME", "displayName"), of("EMAIL", "email"), of("TEAM", "team"),
            of("PHASE", "phase"), of("SUSPENDED", "suspended"), of("CREATED", "createdAt")));
    static final Kind POLICIES = new Kind("/policies", "access policy", "access policies", List.of(
            of("NAME", "name"), of("DESCRIPTION", "description"), of("TEAM", "tenantSelector.matchTeam"),
            of("CREATED", "createdAt")));
    static final Kind MCP_SERVERS = new Kind("/mcp-servers", "MCP server", "MCP servers", List.of(
            of("ID", "id"), of("NAME", "name"), of("SCOPE", "scope"), of("TRANSPORT", "transport"),
            of("STATUS", "status"), of("ENDPOINT", "endpoint")));
    static final Kind GROUPS = new Kind("/groups", "group", "groups", List.of(
            of("ID", "id"), of("NAME", "name"), of("SCOPE", "scope"), of("MEMBERS", "memberCount"),
            of("DESCRIPTION", "description")));
    static final Kind SKILLS = new Kind("/skills/catalog", "skill bundle", "skill bundles", List.of(
            of("ID", "id"), of("NAME", "name"), of("VERSION", "version"), of("SCOPE", "scope"),
            of("STATUS", "status"), of("SCAN", "scanStatus")));
    static final Kind SOURCES = new Kind("/third-party-sources", "third-party source", "third-party sources", List.of(
            of("ID", "id"), of("NAME", "name"), of("TYPE", "type"), of("STATUS", "status"), of("SYNC", "syncMode"),
            of("URL", "url")));
    static final Kind TOKENS = new Kind("/access-tokens", "access token", "access tokens", List.of(
            of("ID", "id"), of("NAME", "name"), of("OWNER", "owner"), of("SCOPES", "scopes"),
            of("EXPIRES", "expiresAt"), of("LAST USED", "lastUsedAt")));
    static final Kind PROVIDER_KEYS = new Kind("/providers/keys", "provider key", "provider keys", List.of(
            of("PROVIDER", "provider"), of("CONFIGURED", "configured"), of("KEY", "maskedValue"),
            of("UPDATED", "updatedAt")));
    static final Kind BUDGET_ACCOUNTS = new Kind("/ai-budget/accounts", "account budget", "account budgets", List.of(
            of("USER", "userId"), of("LIMIT USD", "monthlyLimitUsd"), of("SPENT USD", "currentSpendUsd"),
            of("STATE", "budgetAlertState")));
    static final Kind AUDIT = new Kind("/audit", "audit entry", "audit entries", List.of(
            of("TIME", "timestamp"), of("ACTOR", "actor"), of("ACTION", "action"), of("RESOURCE", "resource"),
            of("TENANT", "tenant"), of("MESSAGE", "message")));
    static final Kind TOKEN_USAGE = new Kind("/token-usage", "usage record", "usage records", List.of(
            of("TENANT", "tenant"), of("MODEL", "model"), of("INPUT", "inputTokens"), of("OUTPUT", "outputTokens"),
            of("COST USD", "totalCostUsd"), of("RECORDED", "recordedAt")));

    private Kinds() {
    }
}
