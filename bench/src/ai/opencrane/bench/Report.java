package ai.opencrane.bench;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.stream.JsonGenerator;

/**
 * Everything a run found: the environment it ran in, each scenario's measurements, every status that was
 * not the expected one, and the targets (PASS, FAIL for a missed target, or NOT AVAILABLE when the route
 * does not exist yet).
 * Written as JSON (all figures) and Markdown (the summary tables).
 */
final class Report {

    /** A target of the issue and how this run did against it. {@code pass} null: not measured. */
    record Target(String name, String measured, String goal, Boolean pass, String note) {
        String result() {
            return pass == null ? "NOT AVAILABLE" : pass ? "PASS" : "FAIL";
        }
    }

    /** One row of the throughput table. */
    record Row(String scenario, Load load, String ceiling, double ratio, Cpu.Use cpu) {
    }

    record Unexpected(String scenario, int status, long count) {
    }

    private final JsonObjectBuilder environment = Json.createObjectBuilder();
    private final JsonObjectBuilder scenarios = Json.createObjectBuilder();
    private final List<Target> targets = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private final List<Unexpected> unexpected = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> aborted = new ArrayList<>();

    void environment(String key, String value) {
        environment.add(key, value);
    }

    void environment(String key, JsonObject value) {
        environment.add(key, value);
    }

    void scenario(String name, JsonObject details) {
        scenarios.add(name, details);
    }

    void target(String name, String measured, String goal, Boolean pass, String note) {
        targets.add(new Target(name, measured, goal, pass, note));
    }

    void row(String scenario, Load load, String ceiling, double ratio, Cpu.Use cpu) {
        rows.add(new Row(scenario, load, ceiling, ratio, cpu));
    }

    void note(String text) {
        notes.add(text);
    }

    /**
     * Records every status of {@code load} outside {@code expected}, and its transport errors (connect, read,
     * write, timeout) as status 0; returns {@code load}.
     */
    Load check(String scenario, Load load, Set<Integer> expected) {
        load.statuses().forEach((status, count) -> {
            if (!expected.contains(status)) {
                unexpected.add(new Unexpected(scenario, status, count));
            }
        });
        if (load.ioErrors() > 0) {
            unexpected.add(new Unexpected(scenario, 0, load.ioErrors()));
        }
        return load;
    }

    void unexpected(String scenario, int status, long count) {
        unexpected.add(new Unexpected(scenario, status, count));
    }

    /** A scenario that could not finish: the run fails, as the harness itself did not work. */
    void aborted(String scenario, String why) {
        aborted.add(scenario + ": " + why);
    }

    boolean failed() {
        return !unexpected.isEmpty() || !aborted.isEmpty();
    }

    JsonObject json() {
        JsonArrayBuilder t = Json.createArrayBuilder();
        targets.forEach(x -> {
            JsonObjectBuilder b = Json.createObjectBuilder().add("target", x.name()).add("measured", x.measured())
                    .add("goal", x.goal()).add("result", x.result());
            if (x.note() != null) {
                b.add("note", x.note());
            }
            t.add(b);
        });
        JsonArrayBuilder u = Json.createArrayBuilder();
        unexpected.forEach(x -> u.add(Json.createObjectBuilder().add("scenario", x.scenario()).add("status", x.status())
                .add("count", x.count())));
        return Json.createObjectBuilder().add("environment", environment).add("scenarios", scenarios).add("targets", t)
                .add("unexpectedStatuses", u).add("abortedScenarios", Json.createArrayBuilder(aborted))
                .add("notes", Json.createArrayBuilder(notes))
                .add("result", failed() ? "FAILED: unexpected statuses or aborted scenarios" : "OK").build();
    }

    String markdown(Map<String, String> header) {
        StringBuilder md = new StringBuilder("# Benchmark ").append(header.get("timestamp")).append("\n\n");
        header.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        md.append("\n| Scenario | Requests/s | Ceiling | Ratio | p50 ms | p99 ms | CPU ms/request: server, kube, PG "
                + "| Unexpected |\n|---|---:|---|---:|---:|---:|---|---:|\n");
        for (Row r : rows) {
            long bad = unexpected.stream().filter(x -> x.scenario().equals(r.scenario())).mapToLong(Unexpected::count).sum();
            double n = Math.max(1, r.load().requests());
            String cpu = r.cpu() == null ? "-" : String.format("%.2f, %.2f, %.2f", r.cpu().server() * 1000 / n,
                    r.cpu().kube() * 1000 / n, r.cpu().postgres() * 1000 / n);
            md.append(String.format("| %s | %.0f | %s | %s | %.2f | %.2f | %s | %d |%n", r.scenario(), r.load().throughput(),
                    r.ceiling(), r.ratio() > 0 ? String.format("%.2f%%", r.ratio() * 100) : "-", r.load().p50(),
                    r.load().p99(), cpu, bad));
        }
        md.append("\n| Target | Measured | Goal | Result |\n|---|---|---|---|\n");
        for (Target x : targets) {
            md.append("| ").append(x.name()).append(" | ").append(x.measured())
                    .append(x.note() == null ? "" : " (" + x.note() + ")").append(" | ").append(x.goal())
                    .append(" | ").append(x.result()).append(" |\n");
        }
        if (!unexpected.isEmpty()) {
            md.append("\n**Unexpected statuses (the run fails):**\n\n");
            unexpected.forEach(x -> md.append("- ").append(x.scenario()).append(": ").append(x.count())
                    .append(" × ").append(x.status() == 0 ? "transport error" : String.valueOf(x.status())).append('\n'));
        }
        if (!aborted.isEmpty()) {
            md.append("\n**Aborted scenarios (the run fails):**\n\n");
            aborted.forEach(x -> md.append("- ").append(x).append('\n'));
        }
        if (!notes.isEmpty()) {
            md.append("\nNotes:\n\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
        }
        return md.toString();
    }

    /** Writes {@code <stamp>.json} and {@code <stamp>.md} into {@code dir}; returns the Markdown path. */
    Path write(Path dir, String stamp, Map<String, String> header) throws IOException {
        Files.createDirectories(dir);
        StringWriter json = new StringWriter();
        try (var w = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(json)) {
            w.writeObject(json());
        }
        Files.writeString(dir.resolve(stamp + ".json"), json.toString().trim() + "\n");
        Path md = dir.resolve(stamp + ".md");
        Files.writeString(md, markdown(header));
        return md;
    }
}
