package ai.opencrane.cli;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;

/**
 * The credentials {@code opencrane login} saves: {@code $XDG_CONFIG_HOME/opencrane/credentials} (else
 * {@code ~/.config/opencrane/credentials}), a JSON object {@code {url, token}} readable by its owner only. The token
 * is only ever sent to the URL it was saved for. A file other users can read is refused, as ssh refuses a key.
 */
public record Credentials(String url, String token) {

    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    public static Path location(Io io) {
        String xdg = io.env("XDG_CONFIG_HOME");
        Path base;
        if (xdg != null && Path.of(xdg).isAbsolute()) {
            base = Path.of(xdg);
        } else {
            String home = io.env("HOME");
            base = Path.of(home != null ? home : System.getProperty("user.home"), ".config");
        }
        return base.resolve("opencrane").resolve("credentials");
    }

    public static Optional<Credentials> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            if (posix() && !OWNER_FILE.containsAll(Files.getPosixFilePermissions(file))) {
                throw Failure.usage("the credentials file " + file + " can be read by other users; run: chmod 600 " + file);
            }
            try (var reader = Json.createReader(new StringReader(Files.readString(file, StandardCharsets.UTF_8)))) {
                JsonObject o = reader.readObject();
                return Optional.of(new Credentials(o.getString("url", null), o.getString("token", null)));
            }
        } catch (IOException | JsonException | ClassCastException e) {
            throw Failure.usage("cannot read the credentials file " + file + "; run opencrane login again");
        }
    }

    /** Writes the file atomically, created owner-only from the start (never briefly readable by others). */
    public void write(Path file) {
        try {
            Path dir = file.getParent();
            if (posix()) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
            } else {
                Files.createDirectories(dir);
            }
            Path tmp = posix() ? Files.createTempFile(dir, ".credentials", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_FILE))
                    : Files.createTempFile(dir, ".credentials", ".tmp");
            try {
                String json = Json.createObjectBuilder().add("url", url).add("token", token).build().toString();
                Files.writeString(tmp, json + "\n", StandardCharsets.UTF_8);
                move(tmp, file);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw Failure.usage("cannot write the credentials file " + file + ": " + e.getMessage());
        }
    }

    public static boolean delete(Path file) {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            throw Failure.usage("cannot remove the credentials file " + file + ": " + e.getMessage());
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    @Override
    public String toString() {
        return "Credentials[url=" + url + ", token=****]";
    }
}
