package ai.opencrane.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

/**
 * The server JVM's resident memory from {@code /proc/<pid>/status}: {@code VmRSS} now, {@code VmHWM} (the
 * peak since the process started), and the highest {@code VmRSS} seen while each phase ran (sampled every
 * 200 ms by a daemon thread).
 */
final class Memory {

    private final long pid;
    private final Map<String, Long> peakByPhase = new LinkedHashMap<>();
    private volatile String phase = "idle";
    private volatile boolean running = true;

    Memory(long pid) {
        this.pid = pid;
        Thread t = new Thread(this::sample, "rss-sampler");
        t.setDaemon(true);
        t.start();
    }

    /** Resident set size now, in MiB. */
    double rssMb() {
        return kb("VmRSS") / 1024.0;
    }

    /** The JVM's thread count now. */
    long threads() {
        return kb("Threads");
    }

    /** Peak resident set size since the JVM started, in MiB. */
    double peakMb() {
        return kb("VmHWM") / 1024.0;
    }

    /**
     * Where the resident memory goes, as the JVM reports it: heap and metaspace ({@code GC.heap_info}), code
     * cache ({@code Compiler.codecache}) and the thread count.
     */
    JsonObject breakdown() {
        var b = Json.createObjectBuilder().add("rssMb", Math.round(rssMb())).add("threads", kb("Threads"));
        b.add("heapInfo", jcmd("GC.heap_info")).add("codeCache", jcmd("Compiler.codecache"));
        return b.build();
    }

    private JsonArray jcmd(String command) {
        Processes.Output out = Processes.run(List.of(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(pid), command),
                Map.of(), 60);
        var lines = Json.createArrayBuilder();
        for (String line : out.text().split("\n")) {
            if (!line.isBlank() && !line.startsWith(pid + ":")) {
                lines.add(line.trim());
            }
        }
        return lines.build();
    }

    void phase(String name) {
        phase = name;
    }

    synchronized Map<String, Long> peaksByPhaseMb() {
        Map<String, Long> mb = new LinkedHashMap<>();
        peakByPhase.forEach((k, v) -> mb.put(k, Math.round(v / 1024.0)));
        return mb;
    }

    void stop() {
        running = false;
    }

    private void sample() {
        while (running) {
            long rss = kb("VmRSS");
            synchronized (this) {
                peakByPhase.merge(phase, rss, Math::max);
            }
            Server.sleep(200);
        }
    }

    private long kb(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
