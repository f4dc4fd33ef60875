package ai.opencrane.controlplane.providerkey;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import ai.opencrane.controlplane.api.ApiException;

class KeyRingTest {

    private static String key(int fill) {
        byte[] raw = new byte[32];
        java.util.Arrays.fill(raw, (byte) fill);
        return Base64.getEncoder().encodeToString(raw);
    }

    @Test
    void withoutAKeyNothingIsSealed() {
        KeyRing empty = KeyRing.parse(Optional.empty());
        assertFalse(empty.configured());
        ApiException e = assertThrows(ApiException.class, () -> empty.seal("openai", "sk-secret-value"));
        assertEquals(503, e.status());
        assertEquals("NOT_CONFIGURED", e.code());
        assertFalse(e.getMessage().contains("sk-secret"));
        assertFalse(KeyRing.parse(Optional.of(" , ")).configured());
    }

    @Test
    void sealsWithTheNewestKeyAndOpensAgain() {
        KeyRing ring = KeyRing.parse(Optional.of("k2:" + key(2) + ", k1:" + key(1)));
        KeyRing.Sealed sealed = ring.seal("openai", "sk-secret-value");
        assertEquals("k2", sealed.keyId());
        assertEquals(12 + "sk-secret-value".length() + 16, sealed.bytes().length, "nonce, ciphertext, tag");
        assertFalse(new String(sealed.bytes(), StandardCharsets.ISO_8859_1).contains("sk-secret"));
        assertEquals("sk-secret-value", ring.open("openai", "k2", sealed.bytes()));
    }

    @Test
    void aLoneKeyIsTheDefaultKeyAndCanBeRotatedAway() {
        KeyRing lone = KeyRing.parse(Optional.of(key(3) + "\n"));
        KeyRing.Sealed sealed = lone.seal("openai", "sk-old");
        assertEquals("default", sealed.keyId());
        KeyRing rotated = KeyRing.parse(Optional.of("k2:" + key(4) + ",default:" + key(3)));
        assertEquals("sk-old", rotated.open("openai", "default", sealed.bytes()));
        assertEquals("k2", rotated.seal("openai", "sk-new").keyId());
    }

    @Test
    void randomNoncesMakeEveryCiphertextDifferent() {
        KeyRing ring = KeyRing.parse(Optional.of("k1:" + key(1)));
        assertFalse(java.util.Arrays.equals(ring.seal("a", "same").bytes(), ring.seal("a", "same").bytes()));
    }

    @Test
    void rotationKeepsOldValuesReadable() {
        KeyRing old = KeyRing.parse(Optional.of("k1:" + key(1)));
        KeyRing.Sealed sealed = old.seal("anthropic", "old-key");
        KeyRing rotated = KeyRing.parse(Optional.of("k2:" + key(2) + ",k1:" + key(1)));
        assertEquals("old-key", rotated.open("anthropic", "k1", sealed.bytes()));
        assertEquals("k2", rotated.seal("anthropic", "new-key").keyId());
        KeyRing dropped = KeyRing.parse(Optional.of("k2:" + key(2)));
        assertEquals(503, assertThrows(ApiException.class, () -> dropped.open("anthropic", "k1", sealed.bytes())).status());
    }

    @Test
    void aCiphertextMovedToAnotherProviderOrAlteredDoesNotOpen() {
        KeyRing ring = KeyRing.parse(Optional.of("k1:" + key(1)));
        byte[] sealed = ring.seal("openai", "sk-secret-value").bytes();
        assertThrows(IllegalStateException.class, () -> ring.open("anthropic", "k1", sealed));
        byte[] altered = sealed.clone();
        altered[20] ^= 1;
        assertThrows(IllegalStateException.class, () -> ring.open("openai", "k1", altered));
        assertArrayEquals(sealed, sealed.clone());
    }

    @Test
    void malformedConfigurationIsRefusedWithoutQuotingKeys() {
        String secret = key(7);
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> KeyRing.parse(Optional.of("bad id!:" + secret))).getMessage().contains("<id>:<base64 key>"));
        assertThrows(IllegalArgumentException.class, () -> KeyRing.parse(Optional.of("c2hvcnQ=")));
        IllegalArgumentException shortKey = assertThrows(IllegalArgumentException.class,
                () -> KeyRing.parse(Optional.of("k1:" + Base64.getEncoder().encodeToString(new byte[16]))));
        assertTrue(shortKey.getMessage().contains("32 bytes"));
        assertThrows(IllegalArgumentException.class, () -> KeyRing.parse(Optional.of("k1:not base64!")));
        assertThrows(IllegalArgumentException.class, () -> KeyRing.parse(Optional.of("k1:" + secret + ",k1:" + secret)));
        assertFalse(shortKey.getMessage().contains(secret));
    }
}
