package ai.opencrane.bench;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObjectBuilder;

import ai.opencrane.controlplane.testkit.Res;

/** Scenarios that read: one tenant, the first page of 100,000 tenants, audit pages at depth. */
final class ReadScenarios {

    private ReadScenarios() {
    }

    /** {@code GET /api/v1/tenants/{name}} with the static bearer token. */
    static void get(Context ctx) {
        String name = ctx.tenant();
        Context.PeakAndHalf r = ctx.peakAndHalf("get tenant", "/api/v1/tenants/" + name, ctx.cfg.token());
        double ratio = r.peak().throughput() / ctx.select.tps();
        ctx.report.target("GET /tenants/{name} throughput vs pgbench -S", String.format("%.0f/s = %s",
                r.peak().throughput(), Context.pct(ratio)), ">= 25% of the select ceiling", ratio >= 0.25, null);
        ctx.report.target("GET /tenants/{name} p99 at half of peak", Context.ms(r.half().p99()), "< 10 ms",
                r.half().p99() < 10, String.format("open loop at %.0f/s", r.half().rate()));
        ctx.report.scenario("getTenant", ctx.details().addAll(Json.createObjectBuilder(r.toJson(ctx.select.tps()))).build());
    }

    /** {@code GET /api/v1/tenants} (first page, 100 rows) with 100,000 tenant rows. */
    static void list(Context ctx) {
        int total = ctx.cfg.size(100_000);
        double seeded = Seed.tenantRows(ctx.db, total, ctx.tenant());
        long rows = ctx.db.queryLong("SELECT count(*) FROM tenants");
        Res first = ctx.api.get("/api/v1/tenants");
        expect200(ctx, "list tenants (probe)", first);
        int size = first.status() == 200 ? first.data().size() : -1;
        Context.PeakAndHalf r = ctx.peakAndHalf("list tenants", "/api/v1/tenants", ctx.cfg.token());
        ctx.report.target("GET /tenants first page (" + rows + " rows) p99 at half of peak", Context.ms(r.half().p99()),
                "< 25 ms", r.half().p99() < 25, String.format("open loop at %.0f/s; peak %.0f/s = %s of select",
                        r.half().rate(), r.peak().throughput(), Context.pct(r.peak().throughput() / ctx.select.tps())));
        ctx.report.scenario("listTenants", ctx.details().add("tenantRows", rows).add("seedSeconds", Load.round(seeded))
                .add("pageSize", size).addAll(Json.createObjectBuilder(r.toJson(ctx.select.tps()))).build());
    }

    /**
     * {@code GET /api/v1/audit} with 5,000,000 entries: the first page and the page after the 1,000,000th
     * entry, each at full speed. The deep cursor is made from the row at that depth in the API's own cursor
     * format, after checking that format against a cursor the API issued.
     */
    static void audit(Context ctx) {
        long total = ctx.cfg.size(5_000_000);
        long depth = ctx.cfg.size(1_000_000);
        double seeded = Seed.auditRows(ctx.db, total);
        long rows = ctx.db.queryLong("SELECT count(*) FROM audit_log");
        JsonObjectBuilder d = ctx.details().add("auditRows", rows).add("depth", depth).add("seedSeconds", Load.round(seeded));
        String cursor;
        String expectedFirstId;
        try {
            checkCursorFormat(ctx);
            String[] at = rowAt(ctx.db, depth - 1);
            cursor = encode(List.of(at[0], at[1]));
            expectedFirstId = rowAt(ctx.db, depth)[1];
        } catch (IllegalStateException | SQLException e) {
            ctx.report.target("GET /audit page " + depth + " deep vs first page", "not measured: " + e.getMessage(),
                    "<= 1.5x", null, null);
            ctx.report.scenario("audit", d.add("error", String.valueOf(e.getMessage())).build());
            return;
        }
        Res deep = ctx.api.get("/api/v1/audit?cursor=" + cursor);
        expect200(ctx, "audit deep page (probe)", deep);
        String firstId = deep.status() == 200 && !deep.data().isEmpty() ? deep.data().getJsonObject(0).getString("id") : null;
        d.add("deepPageStartsAtExpectedRow", expectedFirstId.equals(firstId));
        if (!expectedFirstId.equals(firstId)) {
            ctx.report.note("audit: the deep page did not start at the expected row (" + expectedFirstId + " vs " + firstId + ")");
        }
        Load top = ctx.peak("audit first page", "/api/v1/audit", ctx.cfg.token());
        Load low = ctx.peak("audit page " + depth + " deep", "/api/v1/audit?cursor=" + cursor, ctx.cfg.token());
        double costRatio = top.throughput() / low.throughput();
        ctx.report.target("GET /audit page " + depth + " deep vs first page (" + rows + " rows)",
                String.format("%.2fx the cost (p50 %.2f vs %.2f ms)", costRatio, low.p50(), top.p50()), "<= 1.5x",
                costRatio <= 1.5, null);
        ctx.report.scenario("audit", d.add("firstPage", top.toJson()).add("deepPage", low.toJson())
                .add("cpuPerRequestFirstPage", ctx.cpuPerRequest("audit first page", top.requests()))
                .add("cpuPerRequestDeepPage", ctx.cpuPerRequest("audit page " + depth + " deep", low.requests()))
                .add("deepCostRatio", Load.round(costRatio)).build());
    }

    /** The API's cursor must be base64url of ["<instant>", "<id>"] for a deep cursor to be made. */
    private static void checkCursorFormat(Context ctx) {
        Res r = ctx.api.get("/api/v1/audit?limit=1");
        expect200(ctx, "audit cursor probe", r);
        if (r.status() != 200 || !r.json().getJsonObject("pagination").containsKey("nextCursor")) {
            throw new IllegalStateException("GET /audit?limit=1 gave no cursor (status " + r.status() + ")");
        }
        String next = r.json().getJsonObject("pagination").getString("nextCursor");
        String id = r.data().getJsonObject(0).getString("id");
        try (var reader = Json.createReader(new StringReader(new String(Base64.getUrlDecoder().decode(next), StandardCharsets.UTF_8)))) {
            JsonArray key = reader.readArray();
            Instant.parse(key.getString(0));
            if (key.size() != 2 || !key.getString(1).equals(id)) {
                throw new IllegalStateException("unexpected cursor layout " + key);
            }
        } catch (RuntimeException e) {
            throw new IllegalStateException("the audit cursor format is not [instant, id]: " + e.getMessage());
        }
    }

    private static void expect200(Context ctx, String what, Res r) {
        if (r.status() != 200) {
            ctx.report.unexpected(what, r.status(), 1);
        }
    }

    /** The (at, id) of the row {@code offset} rows from the newest, in the API's order. */
    private static String[] rowAt(Db db, long offset) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT at, id FROM audit_log ORDER BY at DESC, id DESC OFFSET " + offset + " LIMIT 1")) {
            if (!r.next()) {
                throw new IllegalStateException("the audit log has fewer than " + (offset + 1) + " rows");
            }
            return new String[] {r.getTimestamp(1).toInstant().toString(), String.valueOf(r.getLong(2))};
        }
    }

    private static String encode(List<String> key) {
        var a = Json.createArrayBuilder();
        key.forEach(a::add);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(a.build().toString().getBytes(StandardCharsets.UTF_8));
    }
}
