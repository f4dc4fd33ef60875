package ai.opencrane.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;


/** Scenarios that write: tenant creation at full speed, and drift over a seeded cluster and table. */
final class WriteScenarios {

    private static final Pattern TIMING = Pattern.compile("([A-Za-z0-9_-]+)\\s*;[^,]*?dur=([0-9.]+)");
    private static final int DRIFT_RUNS = 5;

    private WriteScenarios() {
    }

    /**
     * {@code POST /api/v1/tenants} (Tenant resource, row and audit entry) on wrk's connections, every name new;
     * compared with pgbench's {@code -N} ceiling. Every answer must be 201.
     */
    static void create(Context ctx) {
        Config cfg = ctx.cfg;
        JsonObjectBuilder d = ctx.details();
        ctx.warm("create", Set.of(201), (window, seconds) -> Wrk.create(cfg, cfg.token(), "bench-cw" + window, seconds));
        Load load = ctx.report.check("create",
                ctx.measure("create", () -> Wrk.create(cfg, cfg.token(), "bench-c", cfg.duration())), Set.of(201));
        double ratio = load.throughput() / ctx.insert.tps();
        ctx.report.row("create", load, "insert " + Math.round(ctx.insert.tps()), ratio, ctx.cpuUse("create"));
        long errors = load.unexpected(Set.of(201)) + load.ioErrors();
        ctx.report.target("POST /tenants throughput vs pgbench -N", String.format("%.0f/s = %s", load.throughput(),
                Context.pct(ratio)), ">= 20% of the insert ceiling", ratio >= 0.20, null);
        ctx.report.target("POST /tenants errors", String.valueOf(errors), "0", errors == 0, null);
        ctx.report.scenario("create", d.add("load", load.toJson()).add("ratioToInsertCeiling", Load.round(ratio))
                .add("cpuPerRequest", ctx.cpuPerRequest("create", load.requests())).build());
    }

    /**
     * 10,000 tenants and 2,000 policies created through the API (resource and row each), then the full drift
     * computation of both kinds, {@value #DRIFT_RUNS} times after one warm-up. Server time without the
     * Kubernetes list calls comes from the {@code Server-Timing} header ({@code total - kube}) when the server
     * sends it; otherwise the wall time (which includes the list calls) is reported and says so.
     */
    static void drift(Context ctx) {
        Config cfg = ctx.cfg;
        int tenants = cfg.size(10_000);
        int policies = cfg.size(2_000);
        JsonObjectBuilder d = ctx.details().add("tenants", tenants).add("policies", policies);
        // tenants made by the warm-up count: top up to the size
        int newTenants = (int) Math.max(0, tenants - ctx.db.queryLong("SELECT count(*) FROM tenants"));
        int newPolicies = (int) Math.max(0, policies - ctx.db.queryLong("SELECT count(*) FROM access_policies"));
        long t0 = System.nanoTime();
        Map<Integer, Long> st = Seed.post(cfg, "/api/v1/tenants", newTenants, cfg.connections(),
                i -> Seed.tenantBody(Seed.tenantName(i), i));
        Map<Integer, Long> sp = Seed.post(cfg, "/api/v1/policies", newPolicies, cfg.connections(), Seed::policyBody);
        double seeding = (System.nanoTime() - t0) / 1e9;
        expect(ctx, "drift seeding (tenants)", st);
        expect(ctx, "drift seeding (policies)", sp);
        d.add("seedSeconds", Load.round(seeding))
                .add("seedCreatesPerSecond", Load.round((newTenants + newPolicies) / Math.max(0.001, seeding)));

        double total = 0;
        boolean timed = true;
        for (String kind : List.of("tenants", "policies")) {
            JsonObject r = ctx.measure("drift-" + kind, () -> driftRuns(ctx, "/api/v1/" + kind + "/drift"));
            d.add(kind, r);
            timed &= r.getBoolean("serverTiming");
            total += r.getJsonNumber("medianMs").doubleValue();
        }
        String measured = String.format("%.0f ms (%s)", total, timed ? "server time without the Kubernetes list calls"
                : "wall time incl. the Kubernetes list calls: no Server-Timing header");
        ctx.report.target("drift, tenants + policies (" + tenants + " / " + policies + ")", measured, "< 1 s", total < 1000, null);
        ctx.report.scenario("drift", d.build());
    }

    private static JsonObject driftRuns(Context ctx, String path) {
        double[] ms = new double[DRIFT_RUNS];
        boolean timed = true;
        JsonObject summary = null;
        double[] wall = new double[DRIFT_RUNS];
        byte[] request = Http1.request("GET", "127.0.0.1", ctx.cfg.port(), path, ctx.cfg.token(), null);
        for (int i = -1; i < DRIFT_RUNS; i++) {
            Http1.Answer r;
            long t0 = System.nanoTime();
            try (Http1 http = new Http1("127.0.0.1", ctx.cfg.port())) {
                r = http.send(request, true);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("GET " + path + ": " + e.getMessage(), e);
            }
            double w = (System.nanoTime() - t0) / 1e6;
            if (r.status() != 200) {
                ctx.report.unexpected("drift " + path, r.status(), 1);
                return Json.createObjectBuilder().add("error", "status " + r.status()).add("serverTiming", false)
                        .add("medianMs", 1e9).build();
            }
            if (i < 0) {
                try (var reader = Json.createReader(new java.io.ByteArrayInputStream(r.body()))) {
                    summary = reader.readObject().getJsonObject("summary");
                }
                continue;
            }
            Map<String, Double> timing = serverTiming(r.serverTiming());
            timed &= timing.containsKey("total");
            wall[i] = w;
            ms[i] = timing.containsKey("total") ? timing.get("total") - timing.getOrDefault("kube", 0.0) : w;
        }
        Arrays.sort(ms);
        Arrays.sort(wall);
        return Json.createObjectBuilder().add("summary", summary).add("serverTiming", timed)
                .add("medianMs", Load.round(ms[DRIFT_RUNS / 2])).add("maxMs", Load.round(ms[DRIFT_RUNS - 1]))
                .add("wallMedianMs", Load.round(wall[DRIFT_RUNS / 2])).add("runs", DRIFT_RUNS).build();
    }

    /** {@code kube;dur=12.3, total;dur=45.6} as a map of milliseconds. */
    static Map<String, Double> serverTiming(String header) {
        Map<String, Double> out = new java.util.HashMap<>();
        if (header != null) {
            Matcher m = TIMING.matcher(header);
            while (m.find()) {
                out.merge(m.group(1), Double.parseDouble(m.group(2)), Double::sum);
            }
        }
        return out;
    }

    static void expect(Context ctx, String what, Map<Integer, Long> statuses) {
        List<Integer> bad = new ArrayList<>();
        statuses.forEach((status, n) -> {
            if (status != 201) {
                ctx.report.unexpected(what, status, n);
                bad.add(status);
            }
        });
        if (!bad.isEmpty()) {
            System.err.println(what + ": unexpected statuses " + statuses);
        }
    }
}
