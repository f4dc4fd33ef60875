package ai.opencrane.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import ai.opencrane.controlplane.testkit.Api;

/** What every scenario needs: settings, the API, the database, the report, memory and the pgbench ceilings. */
final class Context {

    static final Set<Integer> OK = Set.of(200);
    static final double WINDOW = 10;
    static final double QUIET = 0.10;

    final Config cfg;
    final Api api;
    final Db db;
    final Report report;
    final Memory memory;
    final Profiler profiler;
    final OpenApi openApi;
    final Cpu cpu;
    private final Jit jit;
    private final Map<String, Cpu.Use> cpuUse = new LinkedHashMap<>();
    private final JsonObjectBuilder warmUps = Json.createObjectBuilder();
    PgBench.Ceiling select;
    PgBench.Ceiling insert;
    private String tenant;

    Context(Config cfg, Db db, Report report, Memory memory, Profiler profiler, OpenApi openApi, Cpu cpu, Jit jit) {
        this.cpu = cpu;
        this.jit = jit;
        this.cfg = cfg;
        this.api = new Api(cfg.base(), cfg.token());
        this.db = db;
        this.report = report;
        this.memory = memory;
        this.profiler = profiler;
        this.openApi = openApi;
    }

    /** A tenant created through the API (resource and row) for the scenarios that read one. */
    String tenant() {
        if (tenant == null) {
            int status = api.post("/api/v1/tenants", Seed.tenantBody("bench-one", 1)).status();
            if (status != 201 && status != 409) {
                report.unexpected("create tenant bench-one", status, 1);
                throw new IllegalStateException("POST /api/v1/tenants answered " + status);
            }
            tenant = "bench-one";
        }
        return tenant;
    }

    /** Peak throughput (wrk) and, at half of that rate, the open-loop latency of GET {@code path}. */
    record PeakAndHalf(Load peak, Load half, JsonObject cpuPerRequest) {
        JsonObject toJson(double ceiling) {
            return Json.createObjectBuilder().add("peak", peak.toJson()).add("halfPeak", half.toJson())
                    .add("cpuPerRequestAtPeak", cpuPerRequest)
                    .add("ratioToSelectCeiling", Load.round(peak.throughput() / ceiling)).build();
        }
    }

    PeakAndHalf peakAndHalf(String scenario, String path, String token) {
        Load peak = peak(scenario, path, token);
        double rate = Math.max(1, peak.throughput() / 2);
        Load half = report.check(scenario + " (half peak)", measure(scenario + " (half peak)",
                () -> FixedRate.launch(cfg, path, token, rate, Math.min(2, cfg.warmup()), cfg.duration())), OK);
        report.row(scenario + " (half peak, open loop)", half, "-", 0, null);
        return new PeakAndHalf(peak, half, cpuPerRequest(scenario, peak.requests()));
    }

    /** GET {@code path} at full speed with wrk after a warm-up; a row of the table with the select ceiling. */
    Load peak(String scenario, String path, String token) {
        warm(scenario, OK, (window, seconds) -> Wrk.get(cfg, path, token, seconds));
        Load peak = report.check(scenario, measure(scenario, () -> Wrk.get(cfg, path, token, cfg.duration())), OK);
        report.row(scenario, peak, "select " + Math.round(select.tps()), peak.throughput() / select.tps(),
                cpuUse.get(scenario));
        return peak;
    }

    /**
     * Runs {@code work} as phase {@code scenario}: RSS peak per phase, CPU used by the server, the Kubernetes
     * test server and the database backends, and a JFR profile when asked for.
     */
    <T> T measure(String scenario, Supplier<T> work) {
        memory.phase(scenario);
        profiler.start(scenario);
        Cpu.Snapshot before = cpu.snapshot();
        try {
            return work.get();
        } finally {
            cpuUse.put(scenario, cpu.since(before));
            profiler.stop(scenario);
            memory.phase("between");
        }
    }

    /** One warm-up window: the scenario's load for {@code seconds}; {@code window} counts from 0. */
    interface Window {
        Load run(int window, double seconds);
    }

    /**
     * Warms {@code scenario} up with its own load, in windows of {@link #WINDOW} seconds, until neither the server's
     * nor the Kubernetes test server's JIT compilers worked more than {@link #QUIET} of the last window: at least
     * {@code BENCH_WARMUP} and at most {@code BENCH_WARMUP_MAX} seconds in all; only {@code BENCH_WARMUP} where
     * the JVMs have no compile-time counter. The time it took goes to the report.
     */
    void warm(String scenario, Set<Integer> expected, Window load) {
        double spent = 0;
        double busy = Double.NaN;
        boolean compiling = true;
        int windows = 0;
        double[] before = jit.compileSeconds();
        while (spent < cfg.warmupMax() && (spent < cfg.warmup() || compiling)) {
            double seconds = Math.min(WINDOW, cfg.warmupMax() - spent);
            long t0 = System.nanoTime();
            report.check(scenario + " (warm-up)", load.run(windows++, seconds), expected);
            double wall = (System.nanoTime() - t0) / 1e9;
            double[] after = jit.compileSeconds();
            busy = Jit.busiest(before, after, wall);
            before = after; // the next window starts where this one ended
            compiling = busy >= QUIET;
            spent += wall;
        }
        warmUps.add(scenario, Json.createObjectBuilder().add("seconds", Load.round(spent))
                .add("jitBusyShareOfLastWindow", Double.isNaN(busy) ? -1 : Load.round(busy)).add("quiet", !compiling));
    }

    /** How long each scenario was warmed up and how busy the JIT compilers still were. */
    JsonObject warmUps() {
        return warmUps.build();
    }

    Cpu.Use cpuUse(String scenario) {
        return cpuUse.get(scenario);
    }

    JsonObject cpuPerRequest(String scenario, long requests) {
        Cpu.Use use = cpuUse.get(scenario);
        return use == null ? JsonObject.EMPTY_JSON_OBJECT : use.perRequest(requests);
    }

    /** The load average now (1, 5, 15 minutes), as /proc/loadavg says it. */
    static String loadAverage() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    JsonObjectBuilder details() {
        return Json.createObjectBuilder().add("loadAverageAtStart", loadAverage());
    }

    static String ms(double v) {
        return String.format("%.2f ms", v);
    }

    static String pct(double v) {
        return String.format("%.1f%%", v * 100);
    }
}
