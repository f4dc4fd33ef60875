package ai.opencrane.bench;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** Running the benchmark's helper processes (wrk, pgbench, the fixed-rate generator, psql tools). */
final class Processes {

    private Processes() {
    }

    /** What a finished process printed (stdout and stderr together) and its exit code. */
    record Output(int exit, String text) {
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Runs {@code command} to its end (at most {@code timeoutSeconds}), with {@code env} added to this environment. */
    static Output run(List<String> command, Map<String, String> env, long timeoutSeconds) {
        try {
            Path log = Files.createTempFile("bench-", ".out");
            try {
                ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
                pb.environment().putAll(env);
                Process p = pb.start();
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException(command.get(0) + " did not finish within " + timeoutSeconds + " s");
                }
                return new Output(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The JSON object a helper printed after {@code BENCH_RESULT }. */
    static JsonObject resultLine(Output out) {
        for (String line : out.text().split("\n")) {
            if (line.startsWith("BENCH_RESULT ")) {
                try (var r = Json.createReader(new StringReader(line.substring("BENCH_RESULT ".length())))) {
                    return r.readObject();
                }
            }
        }
        throw new IllegalStateException("no result (exit " + out.exit() + "): " + tail(out.text()));
    }

    static String tail(String text) {
        return text.length() <= 2000 ? text : "..." + text.substring(text.length() - 2000);
    }
}
