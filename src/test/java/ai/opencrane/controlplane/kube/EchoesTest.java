package ai.opencrane.controlplane.kube;

import static ai.opencrane.controlplane.kube.MergePatchTest.json;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

class EchoesTest {

    private static JsonObject at(String name, String version) {
        return json("{\"metadata\":{\"name\":\"" + name + "\",\"resourceVersion\":\"" + version + "\"}}");
    }

    @Test
    void theEchoOfAProjectedWriteIsRecognisedOnce() {
        Echoes echoes = new Echoes();
        echoes.projected("tenants", at("alice", "41"));
        assertTrue(echoes.isEcho("tenants", at("alice", "41")));
        assertFalse(echoes.isEcho("tenants", at("alice", "41")), "a second event at that version is applied");
    }

    @Test
    void otherVersionsKindsAndNamesAreNotEchoes() {
        Echoes echoes = new Echoes();
        echoes.projected("tenants", at("alice", "41"));
        assertFalse(echoes.isEcho("tenants", at("alice", "42")), "a later change made by someone else");
        assertFalse(echoes.isEcho("accesspolicies", at("alice", "41")));
        assertFalse(echoes.isEcho("tenants", at("bob", "41")));
        assertTrue(echoes.isEcho("tenants", at("alice", "41")));
    }

    @Test
    void aLaterWriteReplacesTheVersionExpected() {
        Echoes echoes = new Echoes();
        echoes.projected("tenants", at("alice", "41"));
        echoes.projected("tenants", at("alice", "43"));
        assertFalse(echoes.isEcho("tenants", at("alice", "41")));
        assertTrue(echoes.isEcho("tenants", at("alice", "43")));
    }
}
