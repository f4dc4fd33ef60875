package ai.opencrane.controlplane.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.postgresql.ds.PGSimpleDataSource;

/** The container-managed PostgreSQL data source, and a cheap reachability probe for health checks. */
@ApplicationScoped
public class Database {

    @Resource(lookup = "jdbc/opencrane")
    DataSource dataSource;

    @Inject
    Settings settings;

    /**
     * A connection outside the container's pool, for a session that must live as long as the process (the
     * leader lock, LISTEN): pooled connections are handed back at the end of each unit of work.
     */
    public Connection directConnection(String purpose) throws SQLException {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {settings.dbHost()});
        ds.setPortNumbers(new int[] {settings.dbPort()});
        ds.setDatabaseName(settings.dbName());
        ds.setUser(settings.dbUser());
        ds.setPassword(settings.dbPassword());
        ds.setConnectTimeout(5);
        ds.setSocketTimeout(30);
        ds.setTcpKeepAlive(true);
        ds.setApplicationName("opencrane-" + purpose);
        return ds.getConnection();
    }

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
