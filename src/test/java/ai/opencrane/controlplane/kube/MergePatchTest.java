package ai.opencrane.controlplane.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

class MergePatchTest {

    static JsonObject json(String s) {
        try (var r = Json.createReader(new StringReader(s))) {
            return r.readObject();
        }
    }

    @Test
    void diffTurnsOneObjectIntoTheOther() {
        JsonObject from = json("{\"a\":1,\"b\":{\"x\":1,\"y\":2},\"c\":[1,2],\"d\":\"gone\"}");
        JsonObject to = json("{\"a\":1,\"b\":{\"x\":1,\"y\":3,\"z\":4},\"c\":[2],\"e\":true}");
        JsonObject patch = MergePatch.diff(from, to);
        assertEquals(json("{\"b\":{\"y\":3,\"z\":4},\"c\":[2],\"d\":null,\"e\":true}"), patch);
        assertEquals(to, Json.createMergePatch(patch).apply(from));
    }

    @Test
    void equalObjectsNeedNoPatch() {
        JsonObject o = json("{\"a\":{\"b\":[1]}}");
        assertEquals(json("{}"), MergePatch.diff(o, o));
    }
}
