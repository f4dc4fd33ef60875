package ai.opencrane.controlplane.litellm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.opencrane.controlplane.api.ApiException;
import ai.opencrane.controlplane.testkit.litellm.LiteLlmTestServer;

/**
 * The admin client against the LiteLLM double: documented shapes, idempotent deletes, and how each failure
 * becomes an envelope. "Not configured" is covered here because the integration server always has LiteLLM.
 */
class LiteLlmClientTest {

    private static LiteLlmTestServer server;
    private static LiteLlmClient client;

    @BeforeAll
    static void start() {
        server = LiteLlmTestServer.start("sk-master-unit");
        client = LiteLlmClient.of(server.url(), server.masterKey(), 2500);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void clear() {
        server.clearFaults();
        server.startListening();
    }

    private static JsonObject generate(String alias) {
        return client.generateKey(Json.createObjectBuilder().add("key_alias", alias).add("max_budget", 10)
                .add("budget_duration", "1mo").add("metadata", Json.createObjectBuilder().add("tenant", "t")).build());
    }

    @Test
    void withoutEndpointOrMasterKeyEveryCallIs503NotConfigured() {
        for (LiteLlmClient c : new LiteLlmClient[] {LiteLlmClient.of(null, null, 1000), LiteLlmClient.of(server.url(), null, 1000)}) {
            assertFalse(c.configured());
            ApiException e = assertThrows(ApiException.class, () -> c.keyInfo("sk-x"));
            assertEquals(503, e.status());
            assertEquals("NOT_CONFIGURED", e.code());
            assertThrows(ApiException.class, () -> c.spendLogs(LocalDate.now(), LocalDate.now()));
        }
    }

    @Test
    void keysAreGeneratedReadUpdatedBlockedAndDeletedIdempotently() {
        JsonObject g = generate("unit-a");
        String key = g.getString("key");
        String hash = g.getString("token_id");
        assertTrue(key.startsWith("sk-"));
        assertEquals(LiteLlmTestServer.hash(key), hash);
        JsonObject info = client.keyInfo(hash).orElseThrow();
        assertEquals("unit-a", info.getString("key_alias"));
        assertFalse(info.containsKey("token"), "/key/info drops the hashed token");
        client.updateKey(Json.createObjectBuilder().add("key", hash).add("max_budget", 12.5).build());
        assertEquals(new BigDecimal("12.5"), client.keyInfo(key).orElseThrow().getJsonNumber("max_budget").bigDecimalValue());
        client.setBlocked(hash, true);
        assertTrue(client.keyInfo(hash).orElseThrow().getBoolean("blocked"));
        client.deleteKey(hash);
        assertTrue(client.keyInfo(hash).isEmpty());
        client.deleteKey(hash);
        client.deleteKeyAlias("unit-never-issued");
    }

    @Test
    void aDuplicateAliasIsRejectedNotAmbiguous() {
        generate("unit-dup");
        LiteLlmException e = assertThrows(LiteLlmException.class, () -> generate("unit-dup"));
        assertEquals(400, e.status());
        assertTrue(e.rejected());
        assertFalse(e.ambiguous());
        assertEquals("UPSTREAM_ERROR", e.toApi().code());
    }

    @Test
    void usersAreCreatedReadAndTheirBudgetCleared() {
        assertTrue(client.userInfo("unit-user@example.com").isEmpty());
        client.newUser(Json.createObjectBuilder().add("user_id", "unit-user@example.com").add("max_budget", 5)
                .add("auto_create_key", false).build());
        assertEquals(5, client.userInfo("unit-user@example.com").orElseThrow().getInt("max_budget"));
        LiteLlmException dup = assertThrows(LiteLlmException.class, () -> client.newUser(
                Json.createObjectBuilder().add("user_id", "unit-user@example.com").add("auto_create_key", false).build()));
        assertTrue(dup.conflict());
        client.updateUser(Json.createObjectBuilder().add("user_id", "unit-user@example.com").addNull("max_budget").build());
        assertEquals(JsonValue.ValueType.NULL, client.userInfo("unit-user@example.com").orElseThrow().get("max_budget").getValueType());
    }

    @Test
    void spendLogsAreTheIndividualRowsBetweenTwoDates() {
        generate("unit-spend");
        Instant now = Instant.now();
        server.addSpendLog("unit-spend", "m1", 1, 2, new BigDecimal("0.1"), now);
        server.addSpendLog("unit-spend", "m1", 1, 2, new BigDecimal("0.1"), now.minus(5, ChronoUnit.DAYS));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long recent = client.spendLogs(today.minusDays(1), today.plusDays(1)).stream()
                .filter(v -> v.asJsonObject().getString("model_group").equals("m1")).count();
        assertEquals(1, recent);
    }

    @Test
    void failuresBecome502Or504AndSayWhetherTheyMayHaveTakenEffect() {
        LiteLlmException wrongKey = assertThrows(LiteLlmException.class,
                () -> LiteLlmClient.of(server.url(), "sk-wrong", 2500).keyInfo("sk-x"));
        assertEquals(401, wrongKey.status());
        assertEquals(502, wrongKey.toApi().status());

        server.failNext("/key/generate", 500, 1);
        LiteLlmException failed = assertThrows(LiteLlmException.class, () -> generate("unit-fail"));
        assertEquals("UPSTREAM_ERROR", failed.toApi().code());
        assertTrue(failed.ambiguous());

        server.delayNext("/key/info", 4000, 1);
        LiteLlmException slow = assertThrows(LiteLlmException.class, () -> client.keyInfo("sk-x"));
        assertTrue(slow.timeout());
        assertTrue(slow.ambiguous());
        assertEquals(504, slow.toApi().status());
        assertEquals("TIMEOUT", slow.toApi().code());

        server.stopListening();
        LiteLlmException down = assertThrows(LiteLlmException.class, () -> generate("unit-down"));
        assertEquals(0, down.status());
        assertFalse(down.ambiguous(), "a refused connection never reached LiteLLM");
        assertEquals("UPSTREAM_ERROR", down.toApi().code());
        assertFalse(down.getMessage().contains(server.masterKey()));
    }
}
