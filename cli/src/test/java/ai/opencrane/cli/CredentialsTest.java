package ai.opencrane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {

    private static Io io(Map<String, String> env) {
        return new Io(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), new ByteArrayOutputStream(), env, null);
    }

    @Test
    void theFileLivesUnderXdgConfigHomeElseUnderHome() {
        assertEquals(Path.of("/x/cfg/opencrane/credentials"), Credentials.location(io(Map.of("XDG_CONFIG_HOME", "/x/cfg", "HOME", "/h"))));
        assertEquals(Path.of("/h/.config/opencrane/credentials"), Credentials.location(io(Map.of("HOME", "/h"))));
        assertEquals(Path.of("/h/.config/opencrane/credentials"), Credentials.location(io(Map.of("XDG_CONFIG_HOME", "rel", "HOME", "/h"))),
                "a relative XDG_CONFIG_HOME is ignored, as the specification says");
    }

    @Test
    void writtenOwnerOnlyReadBackAndRefusedWhenOthersCanRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cfg/opencrane/credentials");
        new Credentials("http://h:1", "tok-123456").write(file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        assertEquals(new Credentials("http://h:1", "tok-123456"), Credentials.read(file).orElseThrow());
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
        new Credentials("http://h:2", "tok-abcdef").write(file);
        assertEquals("http://h:2", Credentials.read(file).orElseThrow().url(), "replaced");

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        Failure f = assertThrows(Failure.class, () -> Credentials.read(file));
        assertEquals(Failure.USAGE, f.exitCode());
        assertTrue(f.getMessage().contains("chmod 600"), f.getMessage());

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(file, "not json");
        assertEquals(Failure.USAGE, assertThrows(Failure.class, () -> Credentials.read(file)).exitCode());
        assertTrue(Credentials.delete(file));
        assertFalse(Credentials.read(file).isPresent());
        assertFalse(new Credentials("u", "secret-token").toString().contains("secret-token"));
    }
}
