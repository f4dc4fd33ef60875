package ai.opencrane.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** SQL against the benchmark's databases, as the role {@code bin/test} and {@code bin/dev} use. */
final class Db {

    static final String USER = "opencrane";
    static final String PASSWORD = "opencrane";

    private final String name;

    Db(String name) {
        this.name = name;
    }

    /** Drops and creates the database, empty. */
    static Db recreate(String name) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", USER, PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " (does role opencrane have CREATEDB?)", e);
        }
        return new Db(name);
    }

    String name() {
        return name;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + name, USER, PASSWORD);
    }

    /** Runs statements (autocommit) and returns the seconds they took. */
    double execute(String... sql) {
        long t0 = System.nanoTime();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + e.getMessage(), e);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    long queryLong(String sql) {
        return Long.parseLong(queryString(sql));
    }

    /** The first column of the first row, as text (null when there is no row). */
    String queryString(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + e.getMessage(), e);
        }
    }

    boolean tableExists(String table) {
        return queryLong("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name = '"
                + table + "'") > 0;
    }
}
