package ai.opencrane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.opencrane.cli.FakeApi.Request;
import ai.opencrane.cli.FakeApi.Run;

/** Tokens, provider keys, budgets, usage and whoami: requests and what is (not) printed. */
class AccountCommandsTest {

    private final FakeApi api = new FakeApi();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void aCreatedTokenIsPrintedOnceWithAWarning() {
        api.answer(201, "{\"id\":\"t1\",\"name\":\"ci\",\"scopes\":[\"read\"],\"plainTextToken\":\"ocp_0123456789abcdef\"}");
        Run r = api.run("tokens", "create", "--name", "ci", "--scope", "read", "--expires-at", "2027-01-01T00:00:00Z");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("{\"name\":\"ci\",\"expiresAt\":\"2027-01-01T00:00:00Z\",\"scopes\":[\"read\"]}", api.only().body());
        assertTrue(r.out().contains("plainTextToken:  ocp_0123456789abcdef\n"), r.out());
        assertEquals("This is the only time the token is shown: store it now.\n", r.err());

        api.answer(204, "");
        Run revoked = api.run("tokens", "revoke", "t1");
        assertEquals("access token t1 revoked\n", revoked.out());
        assertEquals("DELETE /api/v1/access-tokens/t1", api.requests().get(1).method() + " " + api.requests().get(1).path());
    }

    @Test
    void aProviderKeyIsReadFromStandardInputOrAFileAndNeverPrinted(@TempDir Path dir) throws Exception {
        String key = "sk-live-a1b2c3d4e5f6g7h8";
        api.answer(400, "{\"error\":\"apiKey " + key + " is not accepted\",\"code\":\"VALIDATION_ERROR\"}");
        Run r = api.runWith(Map.of(), key + "\n", "provider-keys", "set", "openai");
        assertEquals(1, r.exit(), r.toString());
        Request put = api.only();
        assertEquals("PUT /api/v1/providers/keys", put.method() + " " + put.path());
        assertEquals("{\"provider\":\"openai\",\"apiKey\":\"" + key + "\"}", put.body());
        assertFalse(r.err().contains(key), "the key is masked even when the server repeats it: " + r.err());
        assertEquals("error: apiKey **** is not accepted (VALIDATION_ERROR)\n", r.err());

        Path file = dir.resolve("anthropic.key");
        Files.writeString(file, "sk-ant-0987654321\n");
        api.answer(200, "{\"provider\":\"anthropic\",\"configured\":true,\"maskedValue\":\"****4321\"}");
        Run fromFile = api.run("provider-keys", "set", "anthropic", "--from-file", file.toString());
        assertEquals(0, fromFile.exit(), fromFile.toString());
        assertTrue(api.requests().get(1).body().contains("\"apiKey\":\"sk-ant-0987654321\""));

        Run none = api.run("provider-keys", "set", "openai");
        assertEquals(2, none.exit(), none.toString());
        assertEquals("error: no key given: pipe it to standard input or use --from-file\n", none.err());
        Run asArgument = api.run("provider-keys", "set", "openai", key);
        assertEquals(2, asArgument.exit(), "there is no argument for the key: " + asArgument);
    }

    @Test
    void budgets() {
        api.answer(200, "{\"monthlyLimitUsd\":5000,\"currentSpendUsd\":12.5,\"budgetAlertState\":\"ok\"}");
        Run global = api.run("budgets", "global", "get");
        assertEquals("monthlyLimitUsd:   5000\ncurrentSpendUsd:   12.5\nbudgetAlertState:  ok\n", global.out());
        api.run("budgets", "global", "set", "--monthly-limit", "6000");
        api.run("budgets", "accounts", "set", "alice@example.com", "--monthly-limit", "50.25");
        api.run("budgets", "accounts", "list", "--all");
        api.answer(204, "");
        api.run("budgets", "accounts", "delete", "alice@example.com");
        api.run("budgets", "spend", "alice");
        api.run("budgets", "litellm-key", "alice");
        api.run("budgets", "revoke", "alice");
        var rq = api.requests();
        assertEquals("GET /api/v1/ai-budget/global", line(rq.get(0)));
        assertEquals("PUT /api/v1/ai-budget/global {\"monthlyLimitUsd\":6000}", line(rq.get(1)));
        assertEquals("PUT /api/v1/ai-budget/accounts/alice%40example.com {\"monthlyLimitUsd\":50.25}", line(rq.get(2)));
        assertEquals("GET /api/v1/ai-budget/accounts", line(rq.get(3)));
        assertEquals("DELETE /api/v1/ai-budget/accounts/alice%40example.com", line(rq.get(4)));
        assertEquals("GET /api/v1/ai-budget/alice/spend", line(rq.get(5)));
        assertEquals("GET /api/v1/ai-budget/alice/litellm-key", line(rq.get(6)));
        assertEquals("POST /api/v1/ai-budget/alice/litellm-key/revoke", line(rq.get(7)));
        assertEquals(2, api.run("budgets", "global", "set").exit(), "a limit is needed");
        api.run("budgets", "global", "set", "--no-limit");
        assertEquals("PUT /api/v1/ai-budget/global {\"monthlyLimitUsd\":null}", line(api.requests().get(8)));
    }

    @Test
    void usageMetricsContractAndWhoami() {
        api.answer(200, "{\"data\":[{\"tenant\":\"alice\",\"model\":\"gpt\",\"inputTokens\":10,\"outputTokens\":5,"
                + "\"totalCostUsd\":0.01,\"recordedAt\":\"2026-11-27T10:00:00.123Z\"}],\"pagination\":{\"limit\":100,\"hasMore\":false}}");
        Run usage = api.run("token-usage", "--tenant", "alice", "--from", "2026-11-01");
        assertEquals("TENANT   MODEL   INPUT   OUTPUT   COST USD   RECORDED\n"
                + "alice    gpt     10      5        0.01       2026-11-27T10:00:00Z\n", usage.out());
        assertEquals("tenant=alice&from=2026-11-01", api.requests().get(0).query());
        api.run("metrics", "server");
        api.run("tenants", "contract", "alice");
        api.answer(200, "{\"mode\":\"token\",\"authenticated\":true,\"method\":\"static\",\"user\":{\"sub\":\"admin\"}}");
        Run me = api.run("whoami");
        assertEquals("mode:           token\nauthenticated:  true\nmethod:         static\nuser.sub:       admin\n", me.out());
        var rq = api.requests();
        assertEquals("GET /api/v1/metrics/server", line(rq.get(1)));
        assertEquals("GET /api/v1/tenants/alice/effective-contract", line(rq.get(2)));
        assertEquals("GET /api/v1/auth/me", line(rq.get(3)));
    }

    @Test
    void loginChecksTheTokenWithAuthMeAndFallsBackToTheAuditLog(@TempDir Path home) {
        Map<String, String> env = new HashMap<>(Map.of("XDG_CONFIG_HOME", home.toString(), "OPENCRANE_TOKEN", ""));
        api.answer(200, "{\"mode\":\"token\",\"authenticated\":false}");
        Run refused = api.runWith(env, "some-token-value\n", "login");
        assertEquals(1, refused.exit(), refused.toString());
        assertFalse(Files.exists(home.resolve("opencrane/credentials")));

        api.answer(404, "{\"error\":\"No such route\",\"code\":\"NOT_FOUND\"}");
        api.answer(200, "{\"data\":[],\"pagination\":{\"limit\":1,\"hasMore\":false}}");
        Run ok = api.runWith(env, "some-token-value\n", "login");
        assertEquals(0, ok.exit(), ok.toString());
        assertEquals("/api/v1/audit", api.requests().get(2).path());
        assertEquals("Bearer some-token-value", api.requests().get(2).headers().get("authorization"));
        assertTrue(Files.exists(home.resolve("opencrane/credentials")));

        Run used = api.runWith(env, "", "audit");
        assertEquals(0, used.exit(), used.toString());
        assertEquals("Bearer some-token-value", api.requests().get(3).headers().get("authorization"));
    }

    private static String line(Request r) {
        return r.method() + " " + r.path() + (r.body().isEmpty() ? "" : " " + r.body());
    }
}
