package ai.opencrane.controlplane.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

class ComparisonTest {

    static JsonObject json(String s) {
        try (var r = Json.createReader(new StringReader(s))) {
            return r.readObject();
        }
    }

    static JsonObject tenant(String spec, String labels, String status) {
        return json("{\"metadata\":{\"name\":\"a\",\"labels\":" + labels + "},\"spec\":" + spec
                + (status == null ? "" : ",\"status\":" + status) + "}");
    }

    @Test
    void keyOrderAbsentNullAndEmptyObjectsAreEqual() {
        var a = Comparison.tenant(tenant("{\"displayName\":\"A\",\"email\":\"a@x.io\",\"resources\":{\"cpu\":\"1\",\"memory\":\"1Gi\"}}", "{}", null));
        var b = Comparison.tenant(tenant("{\"resources\":{\"memory\":\"1Gi\",\"cpu\":\"1\"},\"email\":\"a@x.io\",\"displayName\":\"A\",\"team\":null,\"configOverrides\":{}}", "{}", "{}"));
        assertEquals(List.of(), Comparison.differences(a, b));
    }

    @Test
    void apiServerDefaultsAreNotDrift() {
        var sent = Comparison.tenant(tenant("{\"displayName\":\"A\",\"email\":\"a@x.io\"}", "{}", null));
        var stored = Comparison.tenant(tenant("{\"displayName\":\"A\",\"email\":\"a@x.io\",\"suspended\":false}", "{}", null));
        assertEquals(List.of(), Comparison.differences(sent, stored));

        var policySent = Comparison.policy(json("{\"metadata\":{\"name\":\"p\"},\"spec\":{\"domains\":{\"allow\":[\"a.io\"]},"
                + "\"egressRules\":[{\"cidr\":\"10.0.0.0/8\"}]}}"));
        var policyStored = Comparison.policy(json("{\"metadata\":{\"name\":\"p\"},\"spec\":{\"domains\":{\"allow\":[\"a.io\"],"
                + "\"defaultDeny\":true},\"egressRules\":[{\"protocol\":\"TCP\",\"cidr\":\"10.0.0.0/8\"}]}}"));
        assertEquals(List.of(), Comparison.differences(policySent, policyStored));
    }

    @Test
    void numbersCompareByValue() {
        var a = Comparison.tenant(tenant("{\"displayName\":\"A\",\"email\":\"a@x.io\",\"monthlyBudgetUsd\":25.5}", "{}", null));
        var b = Comparison.tenant(tenant("{\"displayName\":\"A\",\"email\":\"a@x.io\",\"monthlyBudgetUsd\":25.50}", "{}", null));
        assertEquals(List.of(), Comparison.differences(a, b));
    }

    @Test
    void realDifferencesAreNamedInFieldOrder() {
        var a = Comparison.tenant(tenant("{\"displayName\":\"A\",\"email\":\"a@x.io\",\"skillAllowlist\":[\"x\",\"y\"]}",
                "{\"tier\":\"gold\"}", "{\"phase\":\"Running\"}"));
        var b = Comparison.tenant(tenant("{\"displayName\":\"B\",\"email\":\"a@x.io\",\"skillAllowlist\":[\"y\",\"x\"]}",
                "{\"tier\":\"silver\"}", "{\"phase\":\"Pending\"}"));
        assertEquals(List.of("displayName", "labels", "skillAllowlist", "phase"), Comparison.differences(a, b));
    }

    @Test
    void explicitDefaultDenyFalseIsDrift() {
        var a = Comparison.policy(json("{\"metadata\":{\"name\":\"p\"},\"spec\":{\"domains\":{\"defaultDeny\":false}}}"));
        var b = Comparison.policy(json("{\"metadata\":{\"name\":\"p\"},\"spec\":{\"domains\":{}}}"));
        assertEquals(List.of("domains"), Comparison.differences(a, b));
    }
}
