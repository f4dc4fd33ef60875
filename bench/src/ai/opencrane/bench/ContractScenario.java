package ai.opencrane.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;

/**
 * {@code GET /api/v1/tenants/{name}/effective-contract} over a catalogue of 1,000 groups, 10,000 grants,
 * 500 MCP servers and 2,000 skill bundles ({@code bench/sql/contract.sql}). Sequential requests on one
 * connection give the compile time (the {@code Server-Timing} total when the server sends it, else the
 * wall time, and the result says which); then wrk gives the throughput. Runs only when the route is
 * documented and the catalogue and group tables exist.
 */
final class ContractScenario {

    static final String TENANT = "bench-contract";
    private static final String[] TABLES = {"groups", "group_members", "grants", "mcp_servers", "skill_bundles"};

    private ContractScenario() {
    }

    static void run(Context ctx) {
        String route = "/tenants/{name}/effective-contract";
        List<String> missing = new ArrayList<>();
        if (!ctx.openApi.has("GET", route)) {
            missing.add("GET /api/v1" + route);
        }
        for (String t : TABLES) {
            if (!ctx.db.tableExists(t)) {
                missing.add("table " + t);
            }
        }
        String target = "effective contract (1,000 groups, 10,000 grants, 500 MCP servers, 2,000 skills)";
        if (!missing.isEmpty()) {
            ctx.report.target(target, "not available: no " + String.join(", ", missing), "< 20 ms server time", null, null);
            ctx.report.scenario("effectiveContract", Json.createObjectBuilder().add("available", false)
                    .add("missing", Json.createArrayBuilder(missing)).build());
            return;
        }
        int status = ctx.api.post("/api/v1/tenants", Seed.tenantBody(TENANT, 2)).status();
        if (status != 201) {
            ctx.report.unexpected("create tenant " + TENANT, status, 1);
        }
        double seeded;
        try {
            String sql = Files.readString(ctx.cfg.root().resolve("bench/sql/contract.sql"))
                    .replace("${tenant}", TENANT).replace("${email}", TENANT + "@example.com");
            seeded = ctx.db.execute(sql);
        } catch (IOException | IllegalStateException e) {
            ctx.report.target(target, "not measured: seeding failed: " + e.getMessage(), "< 20 ms server time", null, null);
            return;
        }
        String path = "/api/v1/tenants/" + TENANT + "/effective-contract";
        ctx.warm("contract-sequential", Context.OK, (window, seconds) -> Wrk.get(ctx.cfg, path, ctx.cfg.token(), seconds));
        sequential(ctx, path, Math.min(3, ctx.cfg.warmup()));
        Map<String, Object> timed = ctx.measure("contract-sequential", () -> sequential(ctx, path, Math.min(10, ctx.cfg.duration())));
        double median = (double) timed.get("medianMs");
        boolean header = (boolean) timed.get("serverTiming");
        ctx.report.target(target, String.format("%.2f ms median, %.2f ms p99 (%s)", median, (double) timed.get("p99Ms"),
                header ? "Server-Timing total" : "wall time on one connection: no Server-Timing header"),
                "< 20 ms server time", median < 20, null);
        Load peak = ctx.peak("effective contract", path, ctx.cfg.token());
        ctx.report.scenario("effectiveContract", ctx.details().add("available", true).add("seedSeconds", Load.round(seeded))
                .add("sequential", Json.createObjectBuilder(timed)).add("peak", peak.toJson())
                .add("cpuPerRequestAtPeak", ctx.cpuPerRequest("effective contract", peak.requests())).build());
    }

    private static Map<String, Object> sequential(Context ctx, String path, double seconds) {
        byte[] request = Http1.request("GET", "127.0.0.1", ctx.cfg.port(), path, ctx.cfg.token(), null);
        List<Double> ms = new ArrayList<>();
        boolean header = true;
        long end = System.nanoTime() + (long) (seconds * 1e9);
        try (Http1 http = new Http1("127.0.0.1", ctx.cfg.port())) {
            while (System.nanoTime() < end) {
                long t0 = System.nanoTime();
                Http1.Answer a = http.send(request, false);
                double wall = (System.nanoTime() - t0) / 1e6;
                if (a.status() != 200) {
                    ctx.report.unexpected("effective contract (sequential)", a.status(), 1);
                    continue;
                }
                Double total = WriteScenarios.serverTiming(a.serverTiming()).get("total");
                header &= total != null;
                ms.add(total != null ? total : wall);
            }
        } catch (IOException e) {
            throw new IllegalStateException("effective contract: " + e.getMessage(), e);
        }
        Collections.sort(ms);
        double median = ms.isEmpty() ? 0 : ms.get(ms.size() / 2);
        double p99 = ms.isEmpty() ? 0 : ms.get(Math.min(ms.size() - 1, (int) Math.ceil(ms.size() * 0.99) - 1));
        return Map.of("requests", ms.size(), "medianMs", Load.round(median), "p99Ms", Load.round(p99), "serverTiming", header);
    }
}
