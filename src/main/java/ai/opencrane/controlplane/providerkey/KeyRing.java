package ai.opencrane.controlplane.providerkey;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import ai.opencrane.controlplane.api.ApiException;

/**
 * The provider-key encryption keys: {@code id:base64} pairs (256-bit AES keys), newest first; a lone base64 key is
 * the key {@code default}. The first key seals
 * new values; any key still listed opens old ones, found by the key id stored with each ciphertext. Rotation:
 * put a new key in front, keep the old one until every provider key has been set again, then drop it.
 *
 * <p>A sealed value is the 12-byte random nonce followed by the AES-GCM ciphertext and tag; the provider name is
 * authenticated as associated data, so a ciphertext copied onto another provider's row does not open.
 */
final class KeyRing {

    static final String DEFAULT_ID = "default";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,32}");
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    record Key(String id, SecretKey secret) {
    }

    record Sealed(String keyId, byte[] bytes) {
    }

    private final List<Key> keys;

    private KeyRing(List<Key> keys) {
        this.keys = List.copyOf(keys);
    }

    /**
     * Parses the configured keys; empty configuration gives an empty ring. A malformed entry is an
     * {@link IllegalArgumentException} whose message never quotes key material.
     */
    static KeyRing parse(Optional<String> config) {
        List<Key> keys = new ArrayList<>();
        if (config.isPresent()) {
            for (String entry : config.get().split(",")) {
                String e = entry.trim();
                if (e.isEmpty()) {
                    continue;
                }
                int colon = e.indexOf(':');
                if (colon >= 0 && !ID.matcher(e.substring(0, colon)).matches()) {
                    throw new IllegalArgumentException("entry " + (keys.size() + 1) + " is not <id>:<base64 key>");
                }
                // a bare key (base64 has no colon) is the key "default": a Secret made with openssl rand -base64 32
                String id = colon < 0 ? DEFAULT_ID : e.substring(0, colon);
                byte[] raw;
                try {
                    raw = Base64.getDecoder().decode(e.substring(colon + 1).trim().replace('-', '+').replace('_', '/'));
                } catch (IllegalArgumentException notBase64) {
                    throw new IllegalArgumentException("key " + id + " is not base64");
                }
                if (raw.length != 32) {
                    throw new IllegalArgumentException("key " + id + " must be 32 bytes (256 bits), not " + raw.length);
                }
                if (keys.stream().anyMatch(k -> k.id().equals(id))) {
                    throw new IllegalArgumentException("key id " + id + " appears twice");
                }
                keys.add(new Key(id, new SecretKeySpec(raw, "AES")));
            }
        }
        return new KeyRing(keys);
    }

    boolean configured() {
        return !keys.isEmpty();
    }

    /** Encrypts with the newest key; 503 when no key is configured, so nothing is ever stored in the clear. */
    Sealed seal(String provider, String plaintext) {
        if (keys.isEmpty()) {
            throw ApiException.notConfigured("provider keys cannot be stored: no encryption key is configured "
                    + "(OPENCRANE_PROVIDER_KEYS_ENCRYPTION_KEYS)");
        }
        Key key = keys.get(0);
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.secret(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(provider));
            byte[] ciphertext = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return new Sealed(key.id(), ByteBuffer.allocate(nonce.length + ciphertext.length).put(nonce).put(ciphertext).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** Decrypts a value sealed under {@code keyId}; fails when that key is no longer configured or the data was altered. */
    String open(String provider, String keyId, byte[] sealed) {
        Key key = keys.stream().filter(k -> k.id().equals(keyId)).findFirst()
                .orElseThrow(() -> ApiException.notConfigured("the key " + keyId + " that encrypted the " + provider
                        + " key is no longer configured"));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.secret(), new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(aad(provider));
            return new String(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the stored " + provider + " key does not decrypt (altered, or wrong key)");
        }
    }

    private static byte[] aad(String provider) {
        return ("opencrane/provider-key/" + provider).getBytes(StandardCharsets.UTF_8);
    }
}
