package ai.opencrane.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;

/**
 * Peak throughput with wrk 4.1: a closed loop of {@code connections} keep-alive connections on two threads,
 * each sending its next request as soon as the previous answer arrived. Every status is counted by
 * {@code bench/wrk/status.lua}; latencies are wrk's (closed-loop, so they include queueing at saturation).
 */
final class Wrk {

    private Wrk() {
    }

    /** GET {@code path} at full speed for {@code seconds}. */
    static Load get(Config cfg, String path, String token, double seconds) {
        return run(cfg, path, token, "status.lua", Map.of(), seconds);
    }

    /** Creates tenants with unique names ({@code bench/wrk/create.lua}) at full speed. */
    static Load create(Config cfg, String token, String namePrefix, double seconds) {
        return run(cfg, "/api/v1/tenants", token, "create.lua", Map.of("BENCH_NAME_PREFIX", namePrefix), seconds);
    }

    private static Load run(Config cfg, String path, String token, String script, Map<String, String> env, double seconds) {
        List<String> cmd = new ArrayList<>(List.of("wrk", "-t", String.valueOf(Math.min(2, cfg.connections())),
                "-c", String.valueOf(cfg.connections()), "-d", Math.max(1, Math.round(seconds)) + "s",
                "--timeout", "10s", "-s", cfg.root().resolve("bench/wrk/" + script).toString(),
                "-H", "Accept: application/json", "-H", "Content-Type: application/json"));
        if (token != null) {
            cmd.addAll(List.of("-H", "Authorization: Bearer " + token));
        }
        cmd.add("http://127.0.0.1:" + cfg.port() + path);
        Map<String, String> all = new HashMap<>(env);
        all.put("BENCH_LUA_DIR", cfg.root().resolve("bench/wrk").toString());
        return load("wrk", Processes.resultLine(Processes.run(cmd, all, (long) seconds + 60)), 0)
                .withConnections(cfg.connections());
    }

    /** A {@link Load} from the JSON line of status.lua (microseconds) or of {@link FixedRate} (milliseconds). */
    static Load load(String tool, JsonObject r, double rate) {
        Map<Integer, Long> statuses = new HashMap<>();
        r.getJsonObject("statuses").forEach((k, v) -> statuses.put(Integer.valueOf(k), ((jakarta.json.JsonNumber) v).longValue()));
        if (r.containsKey("p50Us")) {
            JsonObject e = r.getJsonObject("errors");
            long errors = e.getJsonNumber("connect").longValue() + e.getJsonNumber("read").longValue()
                    + e.getJsonNumber("write").longValue() + e.getJsonNumber("timeout").longValue();
            return new Load(tool, 0, rate, r.getJsonNumber("seconds").doubleValue(), r.getJsonNumber("requests").longValue(),
                    us(r, "p50Us"), us(r, "p90Us"), us(r, "p99Us"), us(r, "maxUs"), statuses, errors);
        }
        return new Load(tool, r.getInt("connections"), rate, r.getJsonNumber("seconds").doubleValue(),
                r.getJsonNumber("requests").longValue(), ms(r, "p50Ms"), ms(r, "p90Ms"), ms(r, "p99Ms"), ms(r, "maxMs"),
                statuses, r.getJsonNumber("transportErrors").longValue());
    }

    private static double us(JsonObject r, String key) {
        return r.getJsonNumber(key).doubleValue() / 1000.0;
    }

    private static double ms(JsonObject r, String key) {
        return r.getJsonNumber(key).doubleValue();
    }
}
