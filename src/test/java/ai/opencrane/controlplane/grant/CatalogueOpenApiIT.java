package ai.opencrane.controlplane.grant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.junit.jupiter.api.Test;

import ai.opencrane.controlplane.testkit.ControlPlane;

/** The catalogue and group routes are in the OpenAPI document with their operations, bodies and constraints. */
class CatalogueOpenApiIT {

    private final JsonObject doc = ControlPlane.api().anonymous().get("/api/v1/openapi.json").json();

    @Test
    void everyRouteAndOperationIsDocumented() {
        JsonObject paths = doc.getJsonObject("paths");
        for (String[] r : List.of(
                new String[] {"/api/v1/mcp-servers", "McpServers"}, new String[] {"/api/v1/groups", "Groups"},
                new String[] {"/api/v1/skills/catalog", "SkillBundles"},
                new String[] {"/api/v1/third-party-sources", "ThirdPartySources"})) {
            JsonObject collection = paths.getJsonObject(r[0]);
            JsonObject item = paths.getJsonObject(r[0] + "/{id}");
            assertEquals("list" + r[1], collection.getJsonObject("get").getString("operationId"));
            assertTrue(collection.getJsonObject("post").getString("operationId").startsWith("create"));
            assertTrue(collection.getJsonObject("post").getJsonObject("responses").containsKey("201"));
            assertTrue(item.getJsonObject("get").getJsonObject("responses").containsKey("404"));
            assertTrue(item.getJsonObject("put").getJsonObject("responses").containsKey("412"));
            assertTrue(item.getJsonObject("delete").getJsonObject("responses").containsKey("204"));
        }
    }

    @Test
    void requestSchemasCarryTheirConstraints() {
        JsonObject schemas = doc.getJsonObject("components").getJsonObject("schemas");
        JsonObject input = schemas.getJsonObject("McpServerInput");
        assertEquals(Set.of("name", "endpoint", "scope", "transport"),
                Set.copyOf(input.getJsonArray("required").getValuesAs(JsonString::getString)));
        assertEquals(List.of("streamable-http", "sse", "websocket"), input.getJsonObject("properties")
                .getJsonObject("transport").getJsonArray("enum").getValuesAs(JsonString::getString));
        for (String name : List.of("McpServer", "McpServerUpdate", "McpServerCredentialInput", "GrantInput", "Grant",
                "SkillBundle", "SkillBundleInput", "SkillPromotionInput", "Group", "GroupInput", "GroupGrantInput",
                "ThirdPartySource", "ThirdPartySourceInput", "ThirdPartySourceItemInput")) {
            assertTrue(schemas.containsKey(name), name);
        }
        assertEquals("sha256:[0-9a-f]{64}", schemas.getJsonObject("SkillBundleInput").getJsonObject("properties")
                .getJsonObject("digest").getString("pattern"));
    }
}
