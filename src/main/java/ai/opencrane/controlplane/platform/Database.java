package ai.opencrane.controlplane.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

/** The container-managed PostgreSQL data source, and a cheap reachability probe for health checks. */
@ApplicationScoped
public class Database {

    @Resource(lookup = "jdbc/opencrane")
    DataSource dataSource;

    public DataSource dataSource() {
        return dataSource;
    }

    /** True when PostgreSQL answers a trivial query within two seconds. */
    public boolean reachable() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(2);
            s.execute("SELECT 1");
            return true;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }
}
