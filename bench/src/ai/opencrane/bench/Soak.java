package ai.opencrane.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToDoubleFunction;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import ai.opencrane.controlplane.testkit.Api;
import ai.opencrane.controlplane.testkit.Res;

/**
 * The soak suite ({@code bench/soak}): the packaged server under a steady mixed load for {@code SOAK_MINUTES}
 * (default 30) with the reconciler running every 10 s and drift injected into the projection every minute.
 * Every 10 s it samples the server's RSS and thread count and the database connections it holds. After a
 * warm-up (the first sixth), the highest value of the last quarter may exceed the highest value of the first
 * quarter after warm-up only by a small tolerance; otherwise, or on any unexpected status, the run fails.
 */
public final class Soak {

    private static final int SAMPLE_SECONDS = 10;
    private static final int STANDING_TENANTS = 200;

    record Sample(double minute, double rssMb, long threads, long dbConnections, long requests) {
    }

    private final Config cfg;
    private final Api api;
    private final Db db;
    private final Map<String, LongAdder> unexpected = new ConcurrentHashMap<>();
    private final LongAdder requests = new LongAdder();
    private final AtomicLong sequence = new AtomicLong();
    private final List<Sample> samples = new ArrayList<>();
    private volatile boolean running = true;

    private Soak(Config cfg, Db db) {
        this.cfg = cfg;
        this.api = new Api(cfg.base(), cfg.token());
        this.db = db;
    }

    public static void main(String[] args) throws Exception {
        Config cfg = Config.fromEnvironment();
        Files.createDirectories(cfg.work());
        double minutes = Double.parseDouble(envOr("SOAK_MINUTES", "30"));
        double rate = Double.parseDouble(envOr("SOAK_RATE", "100"));
        Db db = Db.recreate("opencrane_soak");
        Soak soak = new Soak(cfg, db);
        boolean ok;
        // the revoked-token checks fail authentication on purpose: the per-address limit must not block the load
        try (Server server = new Server(cfg, db.name(), Map.of("OPENCRANE_RECONCILE_INTERVAL_SECONDS", "10",
                "OPENCRANE_RECONCILE_GRACE_SECONDS", "20", "OPENCRANE_AUTH_FAILURE_LIMIT", "1000000"))) {
            server.startKube();
            Bench.log("starting the packaged server (reconciler every 10 s, repair after 20 s)");
            server.start(true);
            ok = soak.run(server.pid(), minutes, rate);
        }
        System.exit(ok ? 0 : 1);
    }

    private boolean run(long pid, double minutes, double rate) throws Exception {
        Bench.log("creating " + STANDING_TENANTS + " standing tenants");
        for (int i = 0; i < STANDING_TENANTS; i++) {
            expect("seed", api.post("/api/v1/tenants", Seed.tenantBody(standing(i), i)), 201);
        }
        Bench.log(String.format("mixed load at %.0f requests/s for %.0f minutes on %d connections", rate, minutes,
                cfg.connections()));
        long start = System.nanoTime();
        long end = start + (long) (minutes * 60e9);
        List<Thread> workers = new ArrayList<>();
        double perWorker = rate / cfg.connections();
        for (int w = 0; w < cfg.connections(); w++) {
            Thread t = new Thread(() -> work(perWorker, end), "soak-" + w);
            t.start();
            workers.add(t);
        }
        Memory memory = new Memory(pid);
        long nextDrift = start;
        while (System.nanoTime() < end) {
            if (System.nanoTime() >= nextDrift) {
                injectDrift();
                nextDrift += 60_000_000_000L;
            }
            Sample s = new Sample((System.nanoTime() - start) / 60e9, memory.rssMb(), memory.threads(),
                    db.queryLong("SELECT count(*) FROM pg_stat_activity WHERE datname = '" + db.name()
                            + "' AND pid <> pg_backend_pid()"), requests.sum());
            samples.add(s);
            Bench.log(String.format("%5.1f min: RSS %.0f MB, %d threads, %d database connections, %d requests",
                    s.minute(), s.rssMb(), s.threads(), s.dbConnections(), s.requests()));
            Server.sleep(SAMPLE_SECONDS * 1000L);
        }
        running = false;
        for (Thread t : workers) {
            t.join();
        }
        memory.stop();
        Bench.log("load over; waiting for the reconciler to repair the last injected drift");
        long drift = awaitNoDrift();
        return report(minutes, rate, drift, memory.peakMb());
    }

    /** One worker: a tenant's life (create, read, update, contract, list, audit, access token) at a fixed pace. */
    private void work(double perSecond, long end) {
        long interval = (long) (1e9 / perSecond);
        long next = System.nanoTime();
        while (running && System.nanoTime() < end) {
            Life life = new Life("soak-" + sequence.incrementAndGet());
            for (int step = 0; step < 10 && running; step++) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Server.sleep(wait / 1_000_000);
                }
                next += interval;
                try {
                    life.step(step);
                } catch (AssertionError transport) {
                    count("transport error");
                }
            }
        }
    }

    /** One tenant's life, a request per step, with a read-only access token made and revoked along the way. */
    private final class Life {
        private final String name;
        private final String path;
        private String tokenId;
        private Api token;

        Life(String name) {
            this.name = name;
            this.path = "/api/v1/tenants/" + name;
        }

        void step(int step) {
            switch (step) {
                case 0 -> expect("create", api.post("/api/v1/tenants", Seed.tenantBody(name, (int) (sequence.get() % 1000))), 201);
                case 1 -> expect("get", api.get(path), 200);
                case 2 -> {
                    Res current = api.get(path);
                    expect("get", current, 200);
                    expect("update", api.request("PUT", path).header("If-Match", current.header("ETag"))
                            .json("{\"displayName\":\"soaked " + name + "\"}").send(), 200);
                }
                case 3 -> expect("contract", api.get(path + "/effective-contract"), 200);
                case 4 -> expect("list", api.get("/api/v1/tenants?limit=100"), 200);
                case 5 -> expect("audit", api.get("/api/v1/audit?limit=100"), 200);
                case 6 -> {
                    Res r = api.post("/api/v1/access-tokens", "{\"name\":\"" + name + "\",\"scopes\":[\"read\"]}");
                    expect("token create", r, 201);
                    if (r.status() == 201) {
                        tokenId = r.json().getString("id");
                        token = api.as(r.json().getString("plainTextToken"));
                    }
                }
                case 7 -> {
                    if (token != null) {
                        expect("token use", token.get(path), 200);
                    }
                }
                case 8 -> expect("tenant delete", api.delete(path), 204);
                default -> {
                    if (tokenId != null) {
                        expect("token revoke", api.delete("/api/v1/access-tokens/" + tokenId), 204);
                        expect("revoked token", token.get("/api/v1/tenants?limit=1"), 401);
                    }
                }
            }
        }
    }

    /** Drift the reconciler must repair: a standing tenant's row deleted, another's field changed in SQL. */
    private void injectDrift() {
        int i = (int) (sequence.get() % STANDING_TENANTS);
        db.execute("DELETE FROM tenants WHERE name = '" + standing(i) + "'",
                "UPDATE tenants SET team = 'drifted' WHERE name = '" + standing((i + 1) % STANDING_TENANTS) + "'");
    }

    private long awaitNoDrift() {
        long deadline = System.nanoTime() + 90_000_000_000L;
        long drift = -1;
        while (System.nanoTime() < deadline) {
            Res r = api.get("/api/v1/tenants/drift");
            drift = r.status() == 200 ? r.json().getJsonObject("summary").getJsonNumber("driftCount").longValue() : -1;
            if (drift == 0) {
                return 0;
            }
            Server.sleep(2000);
        }
        return drift;
    }

    private void expect(String what, Res r, int status) {
        requests.increment();
        if (r.status() != status) {
            count(what + " " + r.status());
        }
    }

    private void count(String key) {
        unexpected.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    private boolean report(double minutes, double rate, long drift, double peakMb) throws IOException {
        String stamp = stamp();
        List<Sample> steady = samples.subList(samples.size() / 6, samples.size());
        int quarter = Math.max(1, steady.size() / 4);
        List<Sample> early = steady.subList(0, quarter);
        List<Sample> late = steady.subList(steady.size() - quarter, steady.size());
        StringBuilder md = new StringBuilder("# Soak ").append(stamp).append(" UTC").append("\n\n")
                .append(String.format("- %.0f minutes of mixed load at %.0f requests/s on %d connections, %d requests; "
                        + "reconciler every 10 s, drift injected every minute%n", minutes, rate, cfg.connections(),
                        requests.sum()))
                .append(String.format("- peak RSS (VmHWM) %.0f MB%n", peakMb))
                .append("- drift after the load: ").append(drift).append(drift == 0 ? " (repaired)\n" : " (FAIL)\n")
                .append("\n| Measure | First quarter after warm-up (max) | Last quarter (max) | Tolerance | Result |\n"
                        + "|---|---:|---:|---:|---|\n");
        boolean ok = drift == 0 && unexpected.isEmpty();
        ok &= growth(md, "RSS (MB)", early, late, Sample::rssMb, 25);
        ok &= growth(md, "threads", early, late, s -> s.threads(), 5);
        ok &= growth(md, "database connections", early, late, s -> s.dbConnections(), 2);
        if (!unexpected.isEmpty()) {
            md.append("\n**Unexpected answers (the run fails):**\n\n");
            unexpected.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v.sum()).append('\n'));
        }
        JsonArrayBuilder rows = Json.createArrayBuilder();
        samples.forEach(s -> rows.add(Json.createObjectBuilder().add("minute", Load.round(s.minute()))
                .add("rssMb", Math.round(s.rssMb())).add("threads", s.threads()).add("dbConnections", s.dbConnections())
                .add("requests", s.requests())));
        JsonObject json = Json.createObjectBuilder().add("minutes", minutes).add("ratePerSecond", rate)
                .add("requests", requests.sum()).add("peakRssMb", Math.round(peakMb)).add("driftAfter", drift)
                .add("samples", rows).add("result", ok ? "OK" : "FAILED").build();
        Files.createDirectories(cfg.results());
        Files.writeString(cfg.results().resolve("soak-" + stamp + ".json"), json + "\n");
        Path file = cfg.results().resolve("soak-" + stamp + ".md");
        Files.writeString(file, md.append("\nResult: ").append(ok ? "OK" : "FAILED").append('\n').toString());
        System.out.println();
        System.out.println(md);
        System.out.println("results: " + file);
        return ok;
    }

    private static boolean growth(StringBuilder md, String name, List<Sample> early, List<Sample> late,
                                  ToDoubleFunction<Sample> value, double tolerance) {
        double before = early.stream().mapToDouble(value).max().orElse(0);
        double after = late.stream().mapToDouble(value).max().orElse(0);
        boolean ok = after <= before + tolerance;
        md.append(String.format("| %s | %.0f | %.0f | +%.0f | %s |%n", name, before, after, tolerance, ok ? "PASS" : "FAIL"));
        return ok;
    }

    private static String standing(int i) {
        return String.format("soak-standing-%03d", i);
    }

    private static String stamp() {
        return DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v.trim();
    }
}
