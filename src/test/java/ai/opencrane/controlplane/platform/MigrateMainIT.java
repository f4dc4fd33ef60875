package ai.opencrane.controlplane.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The migration job's entry point against a real, empty PostgreSQL database (no Liberty involved). */
class MigrateMainIT {

    private final String host = setting("OPENCRANE_TEST_DB_HOST", "127.0.0.1");
    private final String port = setting("OPENCRANE_TEST_DB_PORT", "5432");
    private final String user = setting("OPENCRANE_TEST_DB_USER", "opencrane");
    private final String password = setting("OPENCRANE_TEST_DB_PASSWORD", "opencrane");
    private final String name = "opencrane_migrate_" + Integer.toHexString(Path.of("").toAbsolutePath().toString().hashCode());

    @BeforeEach
    void freshDatabase() throws SQLException {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)", "CREATE DATABASE " + name);
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    @Test
    void appliesEveryMigrationOnceAndIsIdempotent() throws Exception {
        assertEquals(0, MigrateMain.run(env()));
        assertEquals(scriptsInDb(), appliedMigrations());
        assertEquals(0, MigrateMain.run(env()));
        assertEquals(scriptsInDb(), appliedMigrations());
    }

    @Test
    void failsWhenPostgresqlNeverAnswers() throws Exception {
        Map<String, String> env = env();
        env.put("OPENCRANE_DB_PORT", String.valueOf(closedPort()));
        env.put("OPENCRANE_DB_MIGRATE_WAIT_SECONDS", "0");
        assertEquals(1, MigrateMain.run(env));
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("OPENCRANE_DB_HOST", host);
        env.put("OPENCRANE_DB_PORT", port);
        env.put("OPENCRANE_DB_NAME", name);
        env.put("OPENCRANE_DB_USER", user);
        env.put("OPENCRANE_DB_PASSWORD", password);
        return env;
    }

    private long scriptsInDb() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("db"))) {
            return files.filter(f -> f.getFileName().toString().matches("V\\d+__.+\\.sql")).count();
        }
    }

    private long appliedMigrations() throws SQLException {
        try (Connection c = DriverManager.getConnection(url(name), user, password);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM flyway_schema_history WHERE success AND version IS NOT NULL")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void admin(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url("postgres"), user, password); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private String url(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
