package ai.opencrane.controlplane.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/** Spend-log rows in the shapes LiteLLM's /spend/logs answers with (SpendLogsPayload, docs proxy/cost_tracking.md). */
class SpendLogsTest {

    private static JsonObject json(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }

    @Test
    void aRowOfAKeyTheControlPlaneIssuedBelongsToItsTenantByHash() {
        JsonObject log = json("""
                {"request_id":"chatcmpl-1","call_type":"acompletion","api_key":"abc123","spend":0.0021,"total_tokens":30,
                 "prompt_tokens":10,"completion_tokens":20,"startTime":"2026-03-01T10:00:00.123Z","endTime":"2026-03-01T10:00:01Z",
                 "model":"gpt-4o-mini-2024-07-18","model_group":"gpt-4o-mini","user":"alice@example.com",
                 "metadata":{"user_api_key_alias":"something-else"}}""");
        SpendLogs.Row r = SpendLogs.read(log, Map.of("abc123", "alice")).orElseThrow();
        assertEquals(new SpendLogs.Row("chatcmpl-1", "alice", "alice@example.com", "gpt-4o-mini", 10, 20,
                new BigDecimal("0.0021"), Instant.parse("2026-03-01T10:00:00.123Z")), r);
    }

    @Test
    void otherwiseTheAliasNamesTheTenantAndOlderShapesAreRead() {
        JsonObject log = json("""
                {"request_id":"r2","api_key":"unknown","spend":"0.5","prompt_tokens":3.0,"completion_tokens":-4,
                 "startTime":"2026-03-01 10:00:00","model":"claude","user":"",
                 "metadata":"{\\"user_api_key_alias\\": \\"opencrane-bob\\", \\"user_api_key_user_id\\": \\"bob@example.com\\"}"}""");
        SpendLogs.Row r = SpendLogs.read(log, Map.of()).orElseThrow();
        assertEquals("bob", r.tenant());
        assertEquals("bob@example.com", r.userId());
        assertEquals("claude", r.model());
        assertEquals(3, r.inputTokens());
        assertEquals(0, r.outputTokens());
        assertEquals(new BigDecimal("0.5"), r.costUsd());
        assertEquals(Instant.parse("2026-03-01T10:00:00Z"), r.recordedAt());
    }

    @Test
    void rowsOfOtherKeysHaveNoTenantAndRowsWithoutIdOrTimeAreSkipped() {
        SpendLogs.Row r = SpendLogs.read(json("""
                {"request_id":"r3","startTime":"2026-03-01T10:00:00+02:00","metadata":{"user_api_key_alias":"opencrane-"}}"""),
                Map.of()).orElseThrow();
        assertNull(r.tenant());
        assertEquals("unknown", r.model());
        assertEquals(BigDecimal.ZERO, r.costUsd());
        assertEquals(Instant.parse("2026-03-01T08:00:00Z"), r.recordedAt());
        assertTrue(SpendLogs.read(json("{\"startTime\":\"2026-03-01T10:00:00Z\"}"), Map.of()).isEmpty());
        assertTrue(SpendLogs.read(json("{\"request_id\":\"r4\",\"startTime\":\"yesterday\"}"), Map.of()).isEmpty());
    }
}
