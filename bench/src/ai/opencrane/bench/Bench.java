package ai.opencrane.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import ai.opencrane.controlplane.testkit.Api;

/**
 * The benchmark run: environment up (fresh database, Kubernetes API test server, packaged server started
 * twice: once on the empty database, once as a restart), pgbench ceilings, then the scenarios in an order
 * that keeps each one's data set as the issue describes it (drift before the SQL-only tenant rows exist),
 * then the report. Exit status 1 when any response had an unexpected status.
 */
public final class Bench {

    /** Idle RSS is read once the started server is at rest: its JIT compilers quiet for a window of this many s. */
    private static final double REST_WINDOW = 5;
    private static final double REST_MAX = 60;

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Config cfg = Config.fromEnvironment();
        Files.createDirectories(cfg.work());
        Report report = new Report();
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        Map<String, String> header = new LinkedHashMap<>();
        header.put("timestamp", stamp + " UTC");
        header.put("commit", git(cfg.root()));
        header.put("machine", Runtime.getRuntime().availableProcessors() + " cores, "
                + Math.round(memTotalMb() / 1024.0) + " GiB, Java " + System.getProperty("java.version"));
        header.put("load average at start (1/5/15 min)", Context.loadAverage());
        header.put("settings", String.format("%.0f s per measurement after %.0f s warm-up, %d connections, data scale %s",
                cfg.duration(), cfg.warmup(), cfg.connections(), cfg.scale()));

        Db db = Db.recreate(cfg.dbName());
        try (Server server = new Server(cfg)) {
            server.startKube();
            log("starting the packaged server on an empty database (migrations run at start)");
            long first = server.start(true);
            server.stop();
            // the restart is a replica as the chart runs it: the first start did what its migration Job does
            server.migrateOnStart(false);
            log("restarting it on the migrated database, without migrating (as the chart's replicas)");
            Path startupJfr = cfg.work().resolve("bench-startup.jfr");
            long ready = server.start(false, cfg.profile()
                    ? "-XX:StartFlightRecording=name=startup,settings=profile,filename=" + startupJfr : null);
            String liberty = server.startupMessages();
            Server.sleep(5000);
            Memory memory = new Memory(server.pid());
            double afterStart = memory.rssMb();
            double restSeconds = 5 + untilAtRest(new Jit(server.pid()));
            double idle = memory.rssMb();
            long archiveMb = server.classArchiveMb();
            report.target("start-to-ready (restart, migrated database)", ready + " ms", "< 10 s", ready < 10_000,
                    "first start on the empty database incl. migrations: " + first + " ms; " + liberty
                            + "; class data sharing archive of the first start: " + archiveMb + " MB");
            report.target("idle RSS", String.format("%.0f MB", idle), "< 350 MB", idle < 350, String.format(
                    "at rest, %.0f s after ready (the JIT compilers busy less than %.0f%% of %.0f s); %.0f MB 5 s after ready",
                    restSeconds, Context.QUIET * 100, REST_WINDOW, afterStart));
            report.environment("idleMemory", memory.breakdown());

            OpenApi openApi = OpenApi.fetch(new Api(cfg.base(), cfg.token()));
            Profiler profiler = new Profiler(cfg, server.pid());
            profiler.stopStartup(startupJfr);
            Context ctx = new Context(cfg, db, report, memory, profiler, openApi,
                    new Cpu(server.pid(), server.kubePid(), db), new Jit(server.pid(), server.kubePid()));
            log("pgbench ceilings (-S, -N) with " + cfg.connections() + " clients");
            PgBench pg = new PgBench(cfg);
            pg.init();
            ctx.select = pg.run("-S");
            ctx.insert = pg.run("-N");
            report.environment("ceilings", Json.createObjectBuilder().add("select", ctx.select.toJson())
                    .add("insert", ctx.insert.toJson()).build());
            warmUp(ctx);

            scenario(ctx, "drift", () -> WriteScenarios.drift(ctx));
            scenario(ctx, "create", () -> WriteScenarios.create(ctx));
            scenario(ctx, "get", () -> ReadScenarios.get(ctx));
            scenario(ctx, "token", () -> TokenScenario.run(ctx));
            scenario(ctx, "contract", () -> ContractScenario.run(ctx));
            scenario(ctx, "list", () -> ReadScenarios.list(ctx));
            scenario(ctx, "audit", () -> ReadScenarios.audit(ctx));

            JsonObject warmUps = ctx.warmUps();
            report.environment("warmUp", warmUps);
            if (!warmUps.isEmpty()) {
                report.note(String.format("Each scenario ran its own load until the JIT compilers of the server and of the "
                        + "Kubernetes test server were busy less than %.0f%% of a %.0f s window (at most BENCH_WARMUP_MAX s): ",
                        Context.QUIET * 100, Context.WINDOW) + warmUps.entrySet().stream()
                        .map(e -> String.format("%s %.0f s%s", e.getKey(), e.getValue().asJsonObject().getJsonNumber("seconds").doubleValue(),
                                e.getValue().asJsonObject().getBoolean("quiet") ? "" : " (still compiling)"))
                        .collect(Collectors.joining(", ")) + ".");
            }
            report.environment("memoryAfterLoad", memory.breakdown());
            double peak = memory.peakMb();
            memory.stop();
            report.target("peak RSS (VmHWM over the whole run)", String.format("%.0f MB", peak), "<= 400 MB", peak <= 400,
                    String.format("%.0f MB at the end", memory.rssMb()));
            JsonObjectBuilder mem = Json.createObjectBuilder().add("idleMb", Math.round(idle)).add("peakMb", Math.round(peak));
            memory.peaksByPhaseMb().forEach((k, v) -> mem.add("peakMbDuring:" + k, v));
            report.environment("serverRss", mem.build());
            report.environment("startup", Json.createObjectBuilder().add("firstStartMs", first).add("restartToReadyMs", ready)
                    .add("liberty", liberty).add("classArchiveMb", archiveMb).build());
            if (cfg.profile()) {
                JsonObjectBuilder p = Json.createObjectBuilder();
                ctx.profiler.summaries().forEach((k, v) -> p.add(k, Json.createObjectBuilder(v)));
                report.environment("profiles", p.build());
            }
        }
        header.put("load average at end (1/5/15 min)", Context.loadAverage());
        header.forEach(report::environment);
        report.note("The machine is shared: compare ratios to the pgbench ceilings of the same run, not raw numbers across runs.");
        Path md = report.write(cfg.results(), stamp, header);
        System.out.println();
        System.out.println(Files.readString(md));
        System.out.println("results: " + md + " and " + md.toString().replace(".md", ".json"));
        System.exit(report.failed() ? 1 : 0);
    }

    /**
     * Load on every kind of route before the first measurement, so the JIT compilers (which need tens of
     * seconds on two shared cores) have compiled the common paths: HTTP, JAX-RS, filters, JPA, JSON.
     */
    private static void warmUp(Context ctx) {
        double s = ctx.cfg.serverWarmup();
        if (s <= 0) {
            return;
        }
        log(String.format("warming the server up for %.0f s", s));
        ctx.memory.phase("server warm-up");
        String token = ctx.cfg.token();
        ctx.report.check("server warm-up", Wrk.get(ctx.cfg, "/api/v1/tenants/" + ctx.tenant(), token, s / 3), Context.OK);
        ctx.report.check("server warm-up", Wrk.get(ctx.cfg, "/api/v1/tenants", token, s / 6), Context.OK);
        ctx.report.check("server warm-up", Wrk.get(ctx.cfg, "/api/v1/audit", token, s / 6), Context.OK);
        ctx.report.check("server warm-up", Wrk.create(ctx.cfg, token, "bench-w", s / 3), Set.of(201));
        ctx.memory.phase("between");
    }

    /**
     * Waits, without load, until the server's JIT compilers were busy less than {@link Context#QUIET} of a
     * {@link #REST_WINDOW} window (at most {@link #REST_MAX} s): for several seconds after it first answers, the
     * server still compiles start-up code, and the compilers' native memory is given back once they are done.
     * Returns the seconds waited.
     */
    private static double untilAtRest(Jit jit) {
        long t0 = System.nanoTime();
        double[] before = jit.compileSeconds();
        double waited = 0;
        while (waited < REST_MAX) {
            Server.sleep((long) (REST_WINDOW * 1000));
            double[] after = jit.compileSeconds();
            double busy = Jit.busiest(before, after, REST_WINDOW);
            waited = (System.nanoTime() - t0) / 1e9;
            if (Double.isNaN(busy) || busy < Context.QUIET) {
                break;
            }
            before = after;
        }
        return waited;
    }

    private static void scenario(Context ctx, String name, Runnable run) {
        if (!ctx.cfg.runs(name)) {
            return;
        }
        log("scenario " + name + " (load average " + Context.loadAverage() + ")");
        long t0 = System.nanoTime();
        try {
            run.run();
        } catch (RuntimeException e) {
            ctx.report.aborted(name, e.toString());
            log("scenario " + name + " aborted: " + e);
        }
        log("scenario " + name + " took " + (System.nanoTime() - t0) / 1_000_000_000 + " s");
    }

    static void log(String message) {
        System.err.println("\033[1m[bench]\033[0m " + message);
    }

    private static String git(Path root) {
        Processes.Output out = Processes.run(List.of("git", "-C", root.toString(), "describe", "--always", "--dirty"),
                Map.of(), 10);
        return out.exit() == 0 ? out.text().trim() : "unknown";
    }

    private static long memTotalMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }
}
