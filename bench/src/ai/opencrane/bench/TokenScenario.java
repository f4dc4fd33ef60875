package ai.opencrane.bench;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import ai.opencrane.controlplane.testkit.Res;

/**
 * What access-token authentication adds to a request: {@code GET /api/v1/tenants/{name}} on one keep-alive
 * connection, alternating blocks of {@value #BLOCK} requests with the static token and with an access token,
 * so machine noise hits both alike; the difference of the mean latencies is the cost of the token check.
 * PostgreSQL's statistics for the {@code access_tokens} table show whether valid tokens cost a database
 * round trip; afterwards the token is revoked and the very next request must be refused.
 * Runs only when the server documents {@code POST /api/v1/access-tokens}.
 */
final class TokenScenario {

    private static final int BLOCK = 50;

    private TokenScenario() {
    }

    static void run(Context ctx) {
        String goal = "< 0.2 ms per request";
        if (!ctx.openApi.has("POST", "/access-tokens") || !ctx.openApi.has("DELETE", "/access-tokens/{id}")) {
            ctx.report.target("access-token authentication overhead", "not available: no POST /api/v1/access-tokens",
                    goal, null, null);
            ctx.report.scenario("tokenAuth", Json.createObjectBuilder().add("available", false).build());
            return;
        }
        Res created = ctx.api.post("/api/v1/access-tokens", "{\"name\":\"bench\"}");
        if (created.status() != 201) {
            ctx.report.unexpected("create access token", created.status(), 1);
            ctx.report.target("access-token authentication overhead", "not measured: POST /access-tokens answered "
                    + created.status(), goal, null, null);
            return;
        }
        String id = created.json().getString("id");
        String token = created.json().getString("plainTextToken");
        String path = "/api/v1/tenants/" + ctx.tenant();
        ctx.warm("token", Context.OK, (window, seconds) -> Wrk.get(ctx.cfg, path, token, seconds));
        boolean stats = ctx.db.tableExists("access_tokens");
        long readsBefore = stats ? settledReads(ctx.db, 0) : -1;
        Alternation warm = alternate(ctx, path, token, Math.min(3, ctx.cfg.warmup()));
        Alternation a = ctx.measure("token", () -> alternate(ctx, path, token, ctx.cfg.duration()));
        long reads = stats ? settledReads(ctx.db, 11) - readsBefore : -1;
        double added = a.mean(true) - a.mean(false);

        int revoked = ctx.api.delete("/api/v1/access-tokens/" + id).status();
        int after = ctx.api.as(token).get(path).status();
        if (revoked != 204) {
            ctx.report.unexpected("revoke access token", revoked, 1);
        }
        if (after != 401) {
            ctx.report.unexpected("request with a revoked token", after, 1);
        }
        ctx.report.target("access-token authentication overhead", String.format("%+.3f ms mean, %+.3f ms median",
                added, a.median(true) - a.median(false)), goal, added < 0.2, String.format("%d requests each way", a.count(true)));
        ctx.report.target("valid cached token: database reads", reads < 0 ? "unknown (no access_tokens table)"
                : String.format("%d reads of access_tokens in %d requests", reads, a.count(true) + warm.count(true)),
                "no round trip per request", reads < 0 ? null : reads < (a.count(true) + warm.count(true)) / 100, null);
        ctx.report.target("revoked token refused on the next request", "status " + after, "401", after == 401, null);
        JsonObjectBuilder d = ctx.details().add("available", true).add("accessToken", a.json(true))
                .add("staticToken", a.json(false)).add("addedMeanMs", Load.round(added))
                .add("accessTokensTableReads", reads).add("statusAfterRevocation", after);
        ctx.report.scenario("tokenAuth", d.build());
        a.unexpected(ctx);
        warm.unexpected(ctx);
    }

    /** Sequential scans plus index scans of access_tokens, once PostgreSQL's statistics stopped changing. */
    private static long settledReads(Db db, int minSeconds) {
        long deadline = System.nanoTime() + minSeconds * 1_000_000_000L;
        long last = -1;
        while (true) {
            long now = db.queryLong("SELECT COALESCE(seq_scan, 0) + COALESCE(idx_scan, 0) FROM pg_stat_user_tables "
                    + "WHERE relname = 'access_tokens'");
            if (now == last && System.nanoTime() >= deadline) {
                return now;
            }
            last = now;
            Server.sleep(1000);
        }
    }

    private static Alternation alternate(Context ctx, String path, String accessToken, double seconds) {
        byte[] withStatic = Http1.request("GET", "127.0.0.1", ctx.cfg.port(), path, ctx.cfg.token(), null);
        byte[] withAccess = Http1.request("GET", "127.0.0.1", ctx.cfg.port(), path, accessToken, null);
        Alternation a = new Alternation();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        try (Http1 http = new Http1("127.0.0.1", ctx.cfg.port())) {
            for (int block = 0; System.nanoTime() < end; block++) {
                boolean access = block % 2 == 1;
                for (int i = 0; i < BLOCK; i++) {
                    long t0 = System.nanoTime();
                    int status = http.send(access ? withAccess : withStatic, false).status();
                    a.add(access, System.nanoTime() - t0, status);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("token scenario: " + e.getMessage(), e);
        }
        return a;
    }

    /** Latencies per kind of token. */
    private static final class Alternation {
        private final long[][] nanos = {new long[1 << 16], new long[1 << 16]};
        private final int[] n = new int[2];
        private final Map<Integer, Long> unexpected = new HashMap<>();

        void add(boolean access, long ns, int status) {
            int k = access ? 1 : 0;
            if (n[k] == nanos[k].length) {
                nanos[k] = Arrays.copyOf(nanos[k], n[k] * 2);
            }
            nanos[k][n[k]++] = ns;
            if (status != 200) {
                unexpected.merge(status, 1L, Long::sum);
            }
        }

        int count(boolean access) {
            return n[access ? 1 : 0];
        }

        double mean(boolean access) {
            int k = access ? 1 : 0;
            return Arrays.stream(nanos[k], 0, n[k]).average().orElse(0) / 1e6;
        }

        double median(boolean access) {
            return pct(access, 0.5);
        }

        double pct(boolean access, double p) {
            int k = access ? 1 : 0;
            long[] s = Arrays.copyOf(nanos[k], n[k]);
            Arrays.sort(s);
            return s.length == 0 ? 0 : s[Math.min(s.length - 1, (int) Math.ceil(p * s.length) - 1)] / 1e6;
        }

        JsonObject json(boolean access) {
            return Json.createObjectBuilder().add("requests", count(access)).add("meanMs", Load.round(mean(access)))
                    .add("p50Ms", Load.round(median(access))).add("p99Ms", Load.round(pct(access, 0.99))).build();
        }

        void unexpected(Context ctx) {
            unexpected.forEach((status, count) -> ctx.report.unexpected("token auth", status, count));
        }
    }
}
