package ai.opencrane.controlplane.accesstoken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void generatedTokensHaveThePrefixAnd48HexCharacters() {
        String t = Tokens.generate();
        assertTrue(t.matches("ocp_[0-9a-f]{48}"), t);
        assertTrue(Tokens.wellFormed(t));
        assertNotEquals(t, Tokens.generate());
    }

    @Test
    void malformedTokensAreRecognisedWithoutALookup() {
        assertFalse(Tokens.wellFormed("ocp_" + "A".repeat(48)), "upper case is not what we issue");
        assertFalse(Tokens.wellFormed("ocp_" + "0".repeat(47)));
        assertFalse(Tokens.wellFormed("ocp_" + "0".repeat(49)));
        assertFalse(Tokens.wellFormed("xyz_" + "0".repeat(48)));
        assertFalse(Tokens.wellFormed("ocp_" + "g".repeat(48)));
    }

    @Test
    void storedFormIsSha256Hex() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Tokens.sha256Hex("abc"));
    }
}
