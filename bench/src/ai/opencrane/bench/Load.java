package ai.opencrane.bench;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * What one load run measured: completed requests, throughput, latency percentiles (milliseconds) and every
 * status seen, plus transport errors (connect, read, write, timeout). {@code rate} is the schedule of a
 * fixed-rate run (0 for a closed-loop run at full speed).
 */
record Load(String tool, int connections, double rate, double seconds, long requests, double p50, double p90,
            double p99, double max, Map<Integer, Long> statuses, long ioErrors) {

    Load withConnections(int n) {
        return new Load(tool, n, rate, seconds, requests, p50, p90, p99, max, statuses, ioErrors);
    }

    double throughput() {
        return requests / seconds;
    }

    /** Requests whose status is not in {@code expected}. */
    long unexpected(Set<Integer> expected) {
        return statuses.entrySet().stream().filter(e -> !expected.contains(e.getKey())).mapToLong(Map.Entry::getValue).sum();
    }

    long serverErrors() {
        return statuses.entrySet().stream().filter(e -> e.getKey() >= 500).mapToLong(Map.Entry::getValue).sum();
    }

    JsonObject toJson() {
        JsonObjectBuilder s = Json.createObjectBuilder();
        new TreeMap<>(statuses).forEach((k, v) -> s.add(String.valueOf(k), v));
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("tool", tool)
                .add("connections", connections)
                .add("seconds", round(seconds))
                .add("requests", requests)
                .add("throughputPerSecond", round(throughput()))
                .add("p50Ms", round(p50))
                .add("p90Ms", round(p90))
                .add("p99Ms", round(p99))
                .add("maxMs", round(max))
                .add("statuses", s)
                .add("transportErrors", ioErrors);
        if (rate > 0) {
            b.add("scheduledRatePerSecond", round(rate));
        }
        return b.build();
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
