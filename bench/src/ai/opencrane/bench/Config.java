package ai.opencrane.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The run's settings: paths from {@code bench/run}, durations and sizes from {@code BENCH_*} environment
 * variables. Data set sizes are the issue's, times {@code BENCH_DATA_SCALE} (for quick smoke runs).
 */
record Config(Path root, Path wlp, String classpath, int port, String token, String dbName, String namespace,
              double duration, double warmup, double warmupMax, double serverWarmup, int connections, double scale, boolean profile, Set<String> scenarios) {

    static final String SERVER = "opencrane";
    static final Set<String> ALL = Set.of("drift", "create", "get", "token", "list", "audit", "contract");

    static Config fromEnvironment() {
        String only = env("BENCH_SCENARIOS", "");
        Set<String> scenarios = only.isBlank() ? ALL
                : Arrays.stream(only.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        if (!ALL.containsAll(scenarios)) {
            throw new IllegalArgumentException("BENCH_SCENARIOS: unknown scenario in " + scenarios + "; known: " + ALL);
        }
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        return new Config(Path.of(System.getProperty("bench.root")), Path.of(System.getProperty("bench.wlp")),
                System.getProperty("bench.classpath"), freePort(), "bench-" + HexFormat.of().formatHex(random),
                "opencrane_bench", "opencrane-bench",
                Double.parseDouble(env("BENCH_DURATION", "20")), Double.parseDouble(env("BENCH_WARMUP", "5")),
                Double.parseDouble(env("BENCH_WARMUP_MAX", "300")),
                Double.parseDouble(env("BENCH_SERVER_WARMUP", "45")),
                Integer.parseInt(env("BENCH_CONNECTIONS", "10")), Double.parseDouble(env("BENCH_DATA_SCALE", "1")),
                env("BENCH_PROFILE", "0").equals("1"), scenarios);
    }

    boolean runs(String scenario) {
        return scenarios.contains(scenario);
    }

    /** A data set size from the issue, scaled (at least 1). */
    int size(int full) {
        return (int) Math.max(1, Math.round(full * scale));
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    Path results() {
        return root.resolve("bench/results");
    }

    Path work() {
        return root.resolve("target/bench");
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
