package ai.opencrane.controlplane.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;

class JsonBinderTest {

    record Item(@Schema(required = true, enumeration = {"a", "b"}) String kind, @Schema(minimum = "1", maximum = "9") Integer n) {
    }

    record Body(@Schema(required = true, pattern = "^[a-z]+$", maxLength = 8, description = "Lower-case letters") String name,
                BigDecimal amount, boolean flag, @Schema(maxItems = 2) List<Item> items, Map<String, String> tags) {
    }

    record Patch(Optional<String> name, Optional<Integer> n) {
    }

    static JsonObject json(String s) {
        try (var r = Json.createReader(new StringReader(s))) {
            return r.readObject();
        }
    }

    static Map<String, String> errors(String body, Class<? extends Record> type) {
        ApiException e = assertThrows(ApiException.class, () -> JsonBinder.bind(json(body), type));
        assertEquals(400, e.status());
        return e.fields();
    }

    @Test
    void bindsEveryType() {
        Body b = JsonBinder.bind(json("{\"name\":\"abc\",\"amount\":1.5,\"flag\":true,\"items\":[{\"kind\":\"a\",\"n\":3}],"
                + "\"tags\":{\"k\":\"v\"}}"), Body.class);
        assertEquals("abc", b.name());
        assertEquals(new BigDecimal("1.5"), b.amount());
        assertTrue(b.flag());
        assertEquals(new Item("a", 3), b.items().get(0));
        assertEquals(Map.of("k", "v"), b.tags());
    }

    @Test
    void collectsAllViolationsByPath() {
        Map<String, String> e = errors("{\"name\":\"ABC\",\"amount\":\"x\",\"items\":[{\"kind\":\"c\",\"n\":10},{\"n\":1.5}],"
                + "\"extra\":1}", Body.class);
        assertEquals("must be lower-case letters", e.get("name"));
        assertEquals("must be a number", e.get("amount"));
        assertEquals("must be one of a, b", e.get("items[0].kind"));
        assertEquals("must be at most 9", e.get("items[0].n"));
        assertEquals("is required", e.get("items[1].kind"));
        assertEquals("must be an integer", e.get("items[1].n"));
        assertEquals("unknown field", e.get("extra"));
    }

    @Test
    void limitsSizes() {
        assertEquals("must be at most 8 characters", errors("{\"name\":\"abcdefghij\"}", Body.class).get("name"));
        assertEquals("must have at most 2 items",
                errors("{\"name\":\"a\",\"items\":[{\"kind\":\"a\"},{\"kind\":\"a\"},{\"kind\":\"a\"}]}", Body.class).get("items"));
        assertTrue(errors("{}", Body.class).containsKey("name"));
    }

    @Test
    void optionalIsTriState() {
        Patch absent = JsonBinder.bind(json("{}"), Patch.class);
        assertNull(absent.name());
        Patch cleared = JsonBinder.bind(json("{\"name\":null}"), Patch.class);
        assertEquals(Optional.empty(), cleared.name());
        Patch set = JsonBinder.bind(json("{\"name\":\"x\",\"n\":2}"), Patch.class);
        assertEquals(Optional.of("x"), set.name());
        assertEquals(Optional.of(2), set.n());
    }

    @Test
    void trailingContentAndRepeatedKeysAreRejected() {
        for (String bad : new String[] {"{\"a\":1} x", "{\"a\":1}{\"b\":2}", "{\"a\":1,\"a\":2}", " ", "nul"}) {
            ApiException e = assertThrows(ApiException.class,
                    () -> JsonBodyReader.parse(bad.getBytes(java.nio.charset.StandardCharsets.UTF_8)), bad);
            assertEquals(400, e.status());
        }
        assertEquals(json("{\"a\":1}"), JsonBodyReader.parse(" {\"a\":1} \n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
