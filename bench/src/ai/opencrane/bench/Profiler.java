package ai.opencrane.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * With {@code BENCH_PROFILE=1}: a JFR recording of the server (settings {@code profile}) around each
 * scenario's measured load, saved as {@code target/bench/<scenario>.jfr}, and a summary of where the CPU
 * samples fell: the hottest methods (top frame) and the hottest application methods anywhere on the stack.
 */
final class Profiler {

    private final Config cfg;
    private final long pid;
    private final Map<String, Map<String, Object>> summaries = new LinkedHashMap<>();

    Profiler(Config cfg, long pid) {
        this.cfg = cfg;
        this.pid = pid;
    }

    void start(String scenario) {
        if (cfg.profile()) {
            jcmd("JFR.start", "name=" + name(scenario), "settings=profile", "filename=" + file(scenario));
        }
    }

    void stop(String scenario) {
        if (!cfg.profile()) {
            return;
        }
        jcmd("JFR.stop", "name=" + name(scenario));
        try {
            summaries.put(scenario, summarise(file(scenario)));
        } catch (IOException | RuntimeException e) {
            summaries.put(scenario, Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    /** Ends the recording a profiled start began ({@code -XX:StartFlightRecording=name=startup}) and summarises it. */
    void stopStartup(Path jfr) {
        if (!cfg.profile()) {
            return;
        }
        jcmd("JFR.stop", "name=startup");
        try {
            summaries.put("startup (launch to ready + 5 s)", summarise(jfr));
        } catch (IOException | RuntimeException e) {
            summaries.put("startup (launch to ready + 5 s)", Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    Map<String, Map<String, Object>> summaries() {
        return summaries;
    }

    /** Top frames and hottest application frames of the CPU samples in {@code jfr}. */
    static Map<String, Object> summarise(Path jfr) throws IOException {
        Map<String, Integer> top = new HashMap<>();
        Map<String, Integer> app = new HashMap<>();
        int samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            top.merge(method(frames.get(0)), 1, Integer::sum);
            frames.stream().map(Profiler::method).filter(m -> m.startsWith("ai.opencrane.")).distinct()
                    .forEach(m -> app.merge(m, 1, Integer::sum));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", jfr.toString());
        out.put("samples", samples);
        out.put("topFrames", hottest(top, samples));
        out.put("applicationFramesOnStack", hottest(app, samples));
        return out;
    }

    private static List<String> hottest(Map<String, Integer> counts, int samples) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(15)
                .map(e -> String.format("%5.1f%% %s", 100.0 * e.getValue() / Math.max(1, samples), e.getKey()))
                .collect(Collectors.toList());
    }

    private static String method(RecordedFrame f) {
        return f.getMethod() == null ? "(unknown)" : f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private String name(String scenario) {
        return "bench-" + scenario.replaceAll("[^a-z0-9]+", "-");
    }

    private Path file(String scenario) {
        return cfg.work().resolve(name(scenario) + ".jfr");
    }

    private void jcmd(String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(pid)));
        cmd.addAll(List.of(args));
        Processes.Output out = Processes.run(cmd, Map.of(), 60);
        if (out.exit() != 0) {
            System.err.println("jcmd " + args[0] + " failed: " + Processes.tail(out.text()));
        }
    }
}
