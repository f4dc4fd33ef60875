package ai.opencrane.controlplane.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReturnToTest {

    @Test
    void pathsOnThisSiteAreKept() {
        assertEquals("/", ReturnTo.sanitise("/"));
        assertEquals("/tenants/alice?tab=audit#top", ReturnTo.sanitise("/tenants/alice?tab=audit#top"));
    }

    @Test
    void anythingThatCouldLeaveTheSiteGoesHome() {
        for (String bad : new String[] {null, "", "https://evil.example/x", "//evil.example/x", "/\\evil.example",
                "\\\\evil.example", "javascript:alert(1)", "evil.example", "/x\r\nSet-Cookie: a=b", "/x y",
                "/" + "a".repeat(2048)}) {
            assertEquals("/", ReturnTo.sanitise(bad), String.valueOf(bad));
        }
    }
}
