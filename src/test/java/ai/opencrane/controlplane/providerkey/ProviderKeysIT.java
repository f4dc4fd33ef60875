package ai.opencrane.controlplane.providerkey;

import static ai.opencrane.controlplane.api.ConventionsIT.assertEnvelope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

import ai.opencrane.controlplane.testkit.Api;
import ai.opencrane.controlplane.testkit.ControlPlane;
import ai.opencrane.controlplane.testkit.Db;
import ai.opencrane.controlplane.testkit.Res;

/**
 * Provider keys over HTTP with the encryption key configured. The refusal to store a key without an encryption key
 * is tested in {@code KeyRingTest}: the test server runs with one configuration, and main code has no test switch.
 */
class ProviderKeysIT {

    private final Api api = ControlPlane.api();
    private final Db db = ControlPlane.db();

    private static String provider() {
        return "p" + System.nanoTime();
    }

    private static String secret() {
        return "sk-live-" + Long.toHexString(System.nanoTime()) + "Zq9X";
    }

    @Test
    void setListReplaceAndRemove() {
        String provider = provider();
        String first = secret();
        Res set = api.put("/api/v1/providers/keys", "{\"provider\":\"" + provider + "\",\"apiKey\":\"" + first + "\"}");
        assertEquals(200, set.status(), set.body());
        JsonObject view = set.json();
        assertEquals(provider, view.getString("provider"));
        assertTrue(view.getBoolean("configured"));
        assertEquals("****" + first.substring(first.length() - 4), view.getString("maskedValue"));
        Instant firstUpdate = Instant.parse(view.getString("updatedAt"));
        assertEquals(Set.of("provider", "configured", "maskedValue", "updatedAt"), view.keySet());
        assertTrue(set.header("ETag") != null);

        assertEquals(view, listed(provider));

        String second = "sk-other-" + Long.toHexString(System.nanoTime()) + "Ab12";
        Res replaced = api.put("/api/v1/providers/keys/" + provider, "{\"apiKey\":\"" + second + "\"}");
        assertEquals(200, replaced.status(), replaced.body());
        assertEquals("****Ab12", replaced.json().getString("maskedValue"));
        assertTrue(Instant.parse(replaced.json().getString("updatedAt")).isAfter(firstUpdate));
        assertNotEquals(set.header("ETag"), replaced.header("ETag"));
        assertEquals(1, db.count("SELECT count(*) FROM provider_keys WHERE provider = ?", provider));

        assertEquals(204, api.delete("/api/v1/providers/keys/" + provider).status());
        assertEnvelope(api.delete("/api/v1/providers/keys/" + provider), 404, "PROVIDER_KEY_NOT_FOUND");
        assertEquals(0, db.count("SELECT count(*) FROM provider_keys WHERE provider = ?", provider));
    }

    @Test
    void keysAreEncryptedAtRestWithTheConfiguredKey() throws Exception {
        String provider = provider();
        String key = secret();
        assertEquals(200, api.put("/api/v1/providers/keys/" + provider, "{\"apiKey\":\"" + key + "\"}").status());
        Map<String, Object> row = db.rows("SELECT key_id, ciphertext, masked_value FROM provider_keys WHERE provider = ?",
                provider).get(0);
        byte[] stored = (byte[]) row.get("ciphertext");
        assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains(key), "no plain text in the row");
        assertFalse(row.get("masked_value").toString().contains(key.substring(0, 10)));
        String[] configured = ControlPlane.get().providerKeyEncryptionKeys.split(":");
        assertEquals(configured[0], row.get("key_id"));
        // decrypting with the configured key proves it is AES-GCM under that key, bound to the provider name
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(configured[1]), "AES"),
                new GCMParameterSpec(128, stored, 0, 12));
        aes.updateAAD(("opencrane/provider-key/" + provider).getBytes(StandardCharsets.UTF_8));
        assertEquals(key, new String(aes.doFinal(stored, 12, stored.length - 12), StandardCharsets.UTF_8));
    }

    @Test
    void theKeyNeverAppearsInAnswersTheAuditLogOrTheServerLog() {
        String provider = provider();
        String key = secret();
        Res set = api.put("/api/v1/providers/keys", "{\"provider\":\"" + provider + "\",\"apiKey\":\"" + key + "\"}");
        Res list = api.get("/api/v1/providers/keys?limit=1000");
        Res removed = api.delete("/api/v1/providers/keys/" + provider);
        for (Res r : List.of(set, list, removed)) {
            assertFalse(r.body().contains(key.substring(0, key.length() - 4)), r.body());
        }
        List<Map<String, Object>> audit = db.rows("SELECT action, message, metadata::text AS metadata FROM audit_log "
                + "WHERE resource = ? ORDER BY id", "ProviderKey/" + provider);
        assertEquals(List.of("Created", "Deleted"), audit.stream().map(r -> r.get("action")).toList());
        assertFalse(audit.toString().contains(key.substring(0, key.length() - 4)), audit.toString());
        assertFalse(audit.toString().contains(key.substring(key.length() - 4)), "not even the masked part");
        assertFalse(ControlPlane.get().serverLog().contains(key.substring(0, key.length() - 4)));
    }

    @Test
    void providerNamesAreLowercaseIdentifiers() {
        String upper = "P" + System.nanoTime();
        Res set = api.put("/api/v1/providers/keys/" + upper, "{\"apiKey\":\"" + secret() + "\"}");
        assertEquals(200, set.status(), set.body());
        assertEquals(upper.toLowerCase(), set.json().getString("provider"));
        assertEquals(204, api.delete("/api/v1/providers/keys/" + upper).status(), "deletion lower-cases too");
        assertEnvelope(api.put("/api/v1/providers/keys", "{\"provider\":\"open ai\",\"apiKey\":\"k\"}"), 400, "VALIDATION_ERROR");
        assertEnvelope(api.put("/api/v1/providers/keys/9lives", "{\"apiKey\":\"k\"}"), 400, "VALIDATION_ERROR");
        assertEnvelope(api.delete("/api/v1/providers/keys/open%20ai"), 404, "PROVIDER_KEY_NOT_FOUND");
    }

    @Test
    void emptyOrMissingValuesAre400() {
        String provider = provider();
        Res empty = api.put("/api/v1/providers/keys/" + provider, "{\"apiKey\":\"\"}");
        assertEnvelope(empty, 400, "VALIDATION_ERROR");
        assertTrue(empty.json().getJsonObject("detail").getJsonObject("fields").containsKey("apiKey"));
        assertEnvelope(api.put("/api/v1/providers/keys/" + provider, "{\"apiKey\":\"   \"}"), 400, "VALIDATION_ERROR");
        assertEnvelope(api.put("/api/v1/providers/keys/" + provider, "{}"), 400, "VALIDATION_ERROR");
        assertEnvelope(api.put("/api/v1/providers/keys", "{\"apiKey\":\"sk-x\"}"), 400, "VALIDATION_ERROR");
        assertEnvelope(api.put("/api/v1/providers/keys", "{\"provider\":\"" + provider + "\",\"apiKey\":\"k\",\"x\":1}"),
                400, "VALIDATION_ERROR");
        assertEquals(0, db.count("SELECT count(*) FROM provider_keys WHERE provider = ?", provider));
    }

    @Test
    void aStaleIfMatchIs412() {
        String provider = provider();
        Res set = api.put("/api/v1/providers/keys/" + provider, "{\"apiKey\":\"" + secret() + "\"}");
        String etag = set.header("ETag");
        assertEquals(200, api.request("PUT", "/api/v1/providers/keys/" + provider).header("If-Match", etag)
                .json("{\"apiKey\":\"" + secret() + "\"}").send().status());
        assertEnvelope(api.request("PUT", "/api/v1/providers/keys/" + provider).header("If-Match", etag)
                .json("{\"apiKey\":\"" + secret() + "\"}").send(), 412, "PRECONDITION_FAILED");
        assertEnvelope(api.request("DELETE", "/api/v1/providers/keys/" + provider).header("If-Match", etag).send(),
                412, "PRECONDITION_FAILED");
    }

    @Test
    void listingPagesByProvider() {
        String prefix = "pg" + System.nanoTime();
        for (String p : List.of(prefix + "c", prefix + "a", prefix + "b")) {
            assertEquals(200, api.put("/api/v1/providers/keys/" + p, "{\"apiKey\":\"" + secret() + "\"}").status());
        }
        List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        do {
            Res r = api.get("/api/v1/providers/keys?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertEquals(200, r.status(), r.body());
            r.data().forEach(v -> seen.add(v.asJsonObject().getString("provider")));
            JsonObject p = r.json().getJsonObject("pagination");
            cursor = p.getBoolean("hasMore") ? p.getString("nextCursor") : null;
        } while (cursor != null);
        assertEquals(List.of(prefix + "a", prefix + "b", prefix + "c"), seen.stream().filter(p -> p.startsWith(prefix)).toList());
        assertEquals(seen.stream().sorted().toList(), seen);
    }

    private JsonObject listed(String provider) {
        Res r = api.get("/api/v1/providers/keys?limit=1000");
        assertEquals(200, r.status(), r.body());
        for (JsonValue v : r.data()) {
            if (v.asJsonObject().getString("provider").equals(provider)) {
                return v.asJsonObject();
            }
        }
        throw new AssertionError(provider + " not listed");
    }
}
