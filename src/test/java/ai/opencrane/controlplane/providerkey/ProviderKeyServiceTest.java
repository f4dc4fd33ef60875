package ai.opencrane.controlplane.providerkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import ai.opencrane.controlplane.api.ApiException;

class ProviderKeyServiceTest {

    @Test
    void providersAreLowercaseIdentifiers() {
        assertEquals("openai", ProviderKeyService.provider(" OpenAI "));
        assertEquals("azure-openai.eu_1", ProviderKeyService.provider("azure-openai.eu_1"));
        assertEquals(400, assertThrows(ApiException.class, () -> ProviderKeyService.provider("open ai")).status());
        assertEquals(400, assertThrows(ApiException.class, () -> ProviderKeyService.provider("1password")).status());
        assertEquals(400, assertThrows(ApiException.class, () -> ProviderKeyService.provider("")).status());
        assertEquals(400, assertThrows(ApiException.class, () -> ProviderKeyService.provider("a".repeat(64))).status());
    }

    @Test
    void masksShowTheLastFourOnlyOfLongEnoughKeys() {
        assertEquals("****wxyz", ProviderKeyService.mask("sk-abcdefghijklmnopqrstuvwxyz"));
        assertEquals("****", ProviderKeyService.mask("short-key"));
    }
}
