package ai.opencrane.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * PostgreSQL's own ceiling for the work behind the API's routes, measured by pgbench in a database of its
 * own on the same server, over TCP as the control plane connects, with the same client count and duration:
 * {@code -S} (select-only: one primary-key SELECT per transaction) and {@code -N} (simple-update: UPDATE one
 * account row by key, SELECT it, INSERT one history row, one synchronous commit).
 */
final class PgBench {

    static final String DATABASE = "opencrane_bench_pgbench";
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");
    private static final Pattern FAILED = Pattern.compile("number of failed transactions: ([0-9]+)");

    /** One pgbench run. */
    record Ceiling(String mode, int clients, double seconds, double tps, double latencyAvgMs, long failed) {
        JsonObject toJson() {
            return Json.createObjectBuilder().add("mode", mode).add("clients", clients).add("seconds", seconds)
                    .add("transactionsPerSecond", Load.round(tps)).add("latencyAverageMs", Load.round(latencyAvgMs))
                    .add("failedTransactions", failed).build();
        }
    }

    private final Config cfg;

    PgBench(Config cfg) {
        this.cfg = cfg;
    }

    /** A fresh pgbench database at scale 10 (one million accounts). */
    void init() {
        Db.recreate(DATABASE);
        Processes.Output out = Processes.run(command("-i", "-s", "10", "-q"), env(), 600);
        if (out.exit() != 0) {
            throw new IllegalStateException("pgbench -i failed: " + Processes.tail(out.text()));
        }
    }

    /** {@code mode} is {@code -S} or {@code -N}; a warm-up run of the same kind comes first. */
    Ceiling run(String mode) {
        if (cfg.warmup() > 0) {
            execute(mode, cfg.warmup());
        }
        return execute(mode, cfg.duration());
    }

    private Ceiling execute(String mode, double seconds) {
        int threads = Math.min(2, cfg.connections());
        List<String> cmd = command(mode, "-c", String.valueOf(cfg.connections()), "-j", String.valueOf(threads),
                "-T", String.valueOf(Math.max(1, Math.round(seconds))));
        Processes.Output out = Processes.run(cmd, env(), (long) seconds + 120);
        if (out.exit() != 0) {
            throw new IllegalStateException("pgbench " + mode + " failed: " + Processes.tail(out.text()));
        }
        return new Ceiling(mode, cfg.connections(), Math.round(seconds), number(TPS, out.text()),
                number(LATENCY, out.text()), (long) number(FAILED, out.text()));
    }

    private static double number(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static List<String> command(String... args) {
        List<String> cmd = new ArrayList<>(List.of("pgbench", "-h", "127.0.0.1", "-p", "5432", "-U", Db.USER));
        cmd.addAll(List.of(args));
        cmd.add(DATABASE);
        return cmd;
    }

    private static Map<String, String> env() {
        return Map.of("PGPASSWORD", Db.PASSWORD);
    }
}
