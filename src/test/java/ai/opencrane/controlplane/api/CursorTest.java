package ai.opencrane.controlplane.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class CursorTest {

    @Test
    void roundTripsAnyKey() {
        List<String> key = List.of("2026-01-01T00:00:00.123456Z", "tenant-ü \"quoted\"");
        assertEquals(key, Cursor.decode(Cursor.encode(key), 2));
    }

    @Test
    void rejectsWhatItDidNotIssue() {
        for (String bad : new String[] {"not base64!", "e30", Cursor.encode(List.of("one")), "x".repeat(2000), "WyJhIiwxXQ"}) {
            ApiException e = assertThrows(ApiException.class, () -> Cursor.decode(bad, 2), bad);
            assertEquals(400, e.status());
            assertEquals("VALIDATION_ERROR", e.code());
        }
    }

    @Test
    void pageParamsValidateLimit() {
        assertEquals(100, new PageParams(null, null).limit());
        assertEquals(1000, new PageParams("1000", null).limit());
        for (String bad : new String[] {"0", "1001", "-1", "abc", "1e3"}) {
            assertThrows(ApiException.class, () -> new PageParams(bad, null).limit(), bad);
        }
    }
}
