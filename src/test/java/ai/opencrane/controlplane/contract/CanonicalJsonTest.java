package ai.opencrane.controlplane.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.StringReader;

import jakarta.json.Json;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    private static JsonValue json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    @Test
    void sortsKeysRecursivelyAndKeepsArrayOrder() {
        assertEquals("{\"a\":[3,1,{\"x\":true,\"y\":null}],\"b\":{\"c\":\"d\",\"e\":1.5}}",
                CanonicalJson.write(json("{ \"b\": {\"e\": 1.50, \"c\": \"d\"}, \"a\": [3, 1, {\"y\": null, \"x\": true}] }")));
    }

    @Test
    void hashIsStableUnderKeyReordering() {
        String a = CanonicalJson.sha256Hex(json("{\"tenant\":{\"name\":\"alice\",\"team\":null},\"mcp\":{\"servers\":[]}}"));
        String b = CanonicalJson.sha256Hex(json("{\"mcp\":{\"servers\":[]},\"tenant\":{\"team\":null,\"name\":\"alice\"}}"));
        assertEquals(a, b);
        assertEquals(64, a.length());
        assertEquals(a.toLowerCase(), a);
    }

    @Test
    void hashChangesWhenContentChanges() {
        String base = CanonicalJson.sha256Hex(json("{\"servers\":[\"a\",\"b\"],\"v\":1}"));
        assertNotEquals(base, CanonicalJson.sha256Hex(json("{\"servers\":[\"b\",\"a\"],\"v\":1}")), "array order counts");
        assertNotEquals(base, CanonicalJson.sha256Hex(json("{\"servers\":[\"a\",\"b\"],\"v\":2}")));
        assertNotEquals(base, CanonicalJson.sha256Hex(json("{\"servers\":[\"a\",\"b\"],\"v\":\"1\"}")));
        assertNotEquals(base, CanonicalJson.sha256Hex(json("{\"servers\":[\"a\",\"b\"],\"v\":1,\"w\":null}")));
    }

    @Test
    void matchesTheKnownSha256OfItsCanonicalText() {
        // sha256sum of the text {"a":1,"b":[true,"x"]} and of {}, computed outside Java
        assertEquals("{\"a\":1,\"b\":[true,\"x\"]}", CanonicalJson.write(json("{\"b\":[true,\"x\"],\"a\":1}")));
        assertEquals("63e8063d9dc6f0fd5a24b4706818a165fd57c3531b74466cf5dea62bff09b0b6",
                CanonicalJson.sha256Hex(json("{\"b\":[true,\"x\"],\"a\":1}")));
        assertEquals("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a", CanonicalJson.sha256Hex(json("{}")));
    }

    @Test
    void escapesLikeJavaScript() {
        assertEquals("\"q\\\"b\\\\n\\n\\t\\u0001é€😀\"", CanonicalJson.write(Json.createValue("q\"b\\n\n\t\u0001é€😀")));
        assertEquals("\"\\ud800\"", CanonicalJson.write(Json.createValue("\ud800")));
        assertEquals("[0,-2,100,0.001]", CanonicalJson.write(json("[0.0, -2, 1e2, 0.0010]")));
    }

    @Test
    void sortsKeysByCodeUnitsNotLocale() {
        assertEquals("{\"B\":1,\"a\":2,\"é\":3}", CanonicalJson.write(json("{\"é\":3,\"a\":2,\"B\":1}")));
    }
}
