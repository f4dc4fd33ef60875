package ai.opencrane.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Test data. Where both the Kubernetes resources and the rows matter (drift, the contract's tenant) it goes
 * through the API; where a scenario reads PostgreSQL only (100,000 tenant rows, 5,000,000 audit entries) it
 * is inserted with SQL, copying a row the API wrote so the rows look like the real thing.
 */
final class Seed {

    private Seed() {
    }

    static String tenantName(int i) {
        return String.format("bench-t-%06d", i);
    }

    static String tenantBody(String name, int i) {
        return """
                {"name":"%s","displayName":"Bench tenant %d","email":"%s@example.com","team":"team-%d",
                 "labels":{"tier":"gold"},"monthlyBudgetUsd":25,"resources":{"cpu":"500m","memory":"1Gi"},
                 "skillAllowlist":["web-search"]}""".formatted(name, i, name, i % 50);
    }

    static String policyBody(int i) {
        return """
                {"name":"bench-p-%05d","description":"Bench policy %d","tenantSelector":{"matchTeam":"team-%d"},
                 "domains":{"allow":["api.openai.com","*.example.org"],"deny":["evil.example.org"]},
                 "egressRules":[{"cidr":"10.0.0.0/8","ports":[443]}]}""".formatted(i, i, i % 50);
    }

    /**
     * POSTs {@code count} bodies to {@code path} on {@code threads} HTTP/1.1 keep-alive connections (the JDK
     * client would upgrade to one multiplexed HTTP/2 connection); returns the statuses seen (201 expected,
     * -1 for a transport error).
     */
    static Map<Integer, Long> post(Config cfg, String path, int count, int threads, IntFunction<String> body) {
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                try (Http1 http = new Http1("127.0.0.1", cfg.port())) {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        byte[] request = Http1.request("POST", "127.0.0.1", cfg.port(), path, cfg.token(), body.apply(i));
                        int status;
                        try {
                            status = http.send(request, false).status();
                        } catch (java.io.IOException e) {
                            status = -1;
                        }
                        statuses.merge(status, 1L, Long::sum);
                    }
                }
            });
        }
        pool.shutdown();
        try {
            if (!pool.awaitTermination(30, TimeUnit.MINUTES)) {
                throw new IllegalStateException("seeding " + path + " did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return statuses;
    }

    /** Tops the tenants table up to {@code total} rows, copying {@code template} (a tenant the API created). */
    static double tenantRows(Db db, int total, String template) {
        long have = db.queryLong("SELECT count(*) FROM tenants");
        if (have >= total) {
            return 0;
        }
        return db.execute("""
                INSERT INTO tenants (name, display_name, email, team, policy_ref, suspended, labels, spec, phase,
                                     ingress_host, status, uid, resource_version, rv, generation, created_at, updated_at)
                SELECT 'bulk-' || lpad(i::text, 7, '0'), 'Bulk tenant ' || i, 'bulk-' || i || '@example.com',
                       'team-' || (i %% 50), t.policy_ref, t.suspended, t.labels, t.spec, t.phase, t.ingress_host,
                       t.status, gen_random_uuid()::text, t.resource_version, t.rv, t.generation,
                       t.created_at - i * interval '1 second', t.updated_at
                FROM tenants t, generate_series(1, %d) i WHERE t.name = '%s'
                """.formatted(total - have, template), "VACUUM ANALYZE tenants");
    }

    /**
     * Tops the audit log up to {@code total} entries, older than every entry the API wrote, two entries per
     * timestamp so the (at, id) tie-breaker is exercised at every page boundary.
     */
    static double auditRows(Db db, long total) {
        long have = db.queryLong("SELECT count(*) FROM audit_log");
        if (have >= total) {
            return 0;
        }
        return db.execute("""
                INSERT INTO audit_log (at, actor, action, resource, tenant, message, metadata, request_id)
                SELECT m.oldest - (i / 2) * interval '10 milliseconds', 'static-token', 'Created',
                       'Tenant/bulk-' || (i %% 5000), 'bulk-' || (i %% 5000), 'Tenant bulk-' || (i %% 5000) || ' created',
                       jsonb_build_object('displayName', 'Bulk tenant', 'team', 'team-' || (i %% 50)), md5(i::text)
                FROM (SELECT COALESCE(min(at), now()) - interval '1 second' AS oldest FROM audit_log) m,
                     generate_series(1, %d) i
                """.formatted(total - have), "VACUUM ANALYZE audit_log");
    }
}
