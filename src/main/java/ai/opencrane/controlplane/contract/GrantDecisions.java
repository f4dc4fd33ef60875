package ai.opencrane.controlplane.contract;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.opencrane.controlplane.platform.Database;

/**
 * What the effective contract asks of grants: for one tenant, the decision per payload of every family and
 * the allowed MCP servers and skill bundles, loaded in four queries whatever the number of groups and grants.
 */
@ApplicationScoped
public class GrantDecisions {

    @Inject
    Database database;

    /** Grants resolved for a tenant: its name, team, e-mail (its user) and labels. */
    public TenantGrants forTenant(String tenant, String team, String email, Map<String, String> labels) {
        return forPrincipal(new GrantPrincipal(tenant, team, email, labels));
    }

    public TenantGrants forPrincipal(GrantPrincipal principal) {
        try (Connection c = database.dataSource().getConnection()) {
            // the four queries read one snapshot, so a concurrent change is seen whole or not at all
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                return GrantQueries.load(c, principal);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("grant resolution failed", e);
        }
    }
}
