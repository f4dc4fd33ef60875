package ai.opencrane.controlplane.kube;

import static ai.opencrane.controlplane.kube.MergePatchTest.json;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

class EchoesTest {

    private static JsonObject at(String name, long version) {
        return json("{\"metadata\":{\"name\":\"" + name + "\",\"resourceVersion\":\"" + version + "\"}}");
    }

    private static Echoes watching() {
        Echoes echoes = new Echoes(TimeUnit.SECONDS.toNanos(5));
        echoes.watching("tenants", true);
        return echoes;
    }

    @Test
    void anEventAfterTheWriteThatProjectedItIsAnEchoAndLaterOnesAreNot() {
        Echoes echoes = watching();
        echoes.writing("tenants", "alice").end(at("alice", 41));
        assertTrue(echoes.isEcho("tenants", at("alice", 41)));
        assertFalse(echoes.isEcho("tenants", at("alice", 42)), "a later change made by someone else");
        assertFalse(echoes.isEcho("tenants", at("alice", 41)), "the write is forgotten once its echo came");
        assertFalse(echoes.isEcho("tenants", at("bob", 41)));
        assertFalse(echoes.isEcho("accesspolicies", at("alice", 41)));
    }

    @Test
    void anEventDuringTheWriteWaitsForItsEnd() throws Exception {
        Echoes echoes = watching();
        Echoes.Write write = echoes.writing("tenants", "alice");
        CompletableFuture<Boolean> echo = CompletableFuture.supplyAsync(() -> echoes.isEcho("tenants", at("alice", 41)));
        Thread.sleep(200);
        assertFalse(echo.isDone(), "the watch holds the event while the write runs");
        write.end(at("alice", 41));
        assertTrue(echo.get(5, TimeUnit.SECONDS));
    }

    @Test
    void theEventOfAFailedWriteIsApplied() throws Exception {
        Echoes echoes = watching();
        Echoes.Write write = echoes.writing("tenants", "alice");
        CompletableFuture<Boolean> echo = CompletableFuture.supplyAsync(() -> echoes.isEcho("tenants", at("alice", 41)));
        write.end(null);
        assertFalse(echo.get(5, TimeUnit.SECONDS));
    }

    @Test
    void aWriteThatNeverEndsHoldsTheWatchBackOnlyBriefly() {
        Echoes echoes = new Echoes(TimeUnit.MILLISECONDS.toNanos(100));
        echoes.watching("tenants", true);
        echoes.writing("tenants", "alice");
        assertFalse(echoes.isEcho("tenants", at("alice", 41)));
    }

    @Test
    void writesOfKindsNotWatchedHereAreNotRecorded() {
        Echoes echoes = watching();
        echoes.writing("accesspolicies", "strict").end(at("strict", 7));
        echoes.watching("accesspolicies", true);
        assertFalse(echoes.isEcho("accesspolicies", at("strict", 7)));
        echoes.writing("tenants", "alice").end(at("alice", 41));
        echoes.watching("tenants", false);
        echoes.watching("tenants", true);
        assertFalse(echoes.isEcho("tenants", at("alice", 41)), "a watch that stopped forgets the writes it saw");
    }
}
