package ai.opencrane.controlplane.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Runs the Helm binary on {@code chart/}. {@code bin/test} fetches Helm and names it in {@code OPENCRANE_HELM}
 * (or the system property {@code opencrane.helm}); then a missing binary is a failure. Only a run outside
 * {@code bin/test} with no Helm on the PATH skips the chart tests, saying so.
 */
final class Helm {

    static final Path CHART = Path.of("chart");
    static final String RELEASE = "opencrane";
    static final String NAMESPACE = "opencrane-system";

    private static Helm located;
    private static String missing;

    private final String binary;

    private Helm(String binary) {
        this.binary = binary;
    }

    /** The Helm binary, found once per run. */
    static synchronized Helm get() {
        if (located == null && missing == null) {
            located = locate();
            if (located == null) {
                missing = "chart tests skipped: no Helm binary. Run bin/test (it fetches Helm) or set OPENCRANE_HELM";
                System.err.println("[opencrane] " + missing);
            }
        }
        if (located == null) {
            Assumptions.abort(missing);
        }
        return located;
    }

    private static Helm locate() {
        String named = System.getProperty("opencrane.helm", System.getenv("OPENCRANE_HELM"));
        if (named != null && !named.isBlank()) {
            if (!Files.isExecutable(Path.of(named))) {
                fail("OPENCRANE_HELM names " + named + ", which is not an executable file");
            }
            return new Helm(named);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "helm"))) {
                return new Helm(Path.of(dir, "helm").toString());
            }
        }
        return null;
    }

    /** {@code helm template} with the CRDs, in the test namespace; fails the test unless Helm succeeds. */
    Result template(String... args) {
        Result r = run(command("template", args));
        assertTrue(r.ok(), () -> "helm template failed:\n" + r.output());
        return r;
    }

    /** {@code helm template} that is expected to fail; the result holds Helm's message. */
    Result templateFailing(String... args) {
        return run(command("template", args));
    }

    Result lint(String... args) {
        List<String> command = new ArrayList<>(List.of(binary, "lint", CHART.toString(), "--strict"));
        command.addAll(List.of(args));
        return run(command);
    }

    private List<String> command(String action, String... args) {
        List<String> command = new ArrayList<>(List.of(binary, action, RELEASE, CHART.toString(),
                "--namespace", NAMESPACE, "--include-crds"));
        command.addAll(List.of(args));
        return command;
    }

    private static Result run(List<String> command) {
        try {
            Path out = Files.createTempFile("helm", ".out");
            Path err = Files.createTempFile("helm", ".err");
            try {
                Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    fail("helm did not finish in 60 s: " + command);
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    record Result(int exitCode, String stdout, String stderr) {

        boolean ok() {
            return exitCode == 0;
        }

        String output() {
            return stdout + stderr;
        }
    }
}
