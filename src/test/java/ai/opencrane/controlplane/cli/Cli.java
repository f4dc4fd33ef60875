package ai.opencrane.controlplane.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import ai.opencrane.controlplane.testkit.ControlPlane;

/**
 * Runs the command-line client's jar (built by the build from {@code cli/}) as a subprocess, the way an operator or a
 * script would: environment in, exit code and the two output streams out. Each client gets a fresh, empty
 * configuration home, so no run reads a real user's saved login. Every run checks that no secret it knows of (the
 * control plane's token, any token given to it) appears in what the client printed.
 */
final class Cli {

    static final Path JAR = Path.of(System.getProperty("opencrane.it.cli", "cli/target/opencrane.jar"));

    /** What one run printed and how it ended. */
    record Run(int exit, String out, String err) {

        JsonObject json() {
            try (var reader = Json.createReader(new StringReader(out))) {
                return reader.readObject();
            } catch (RuntimeException e) {
                throw new AssertionError("not a JSON object on standard output: " + this, e);
            }
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final Map<String, String> env;
    private final List<String> secrets;
    final Path configHome;

    private Cli(Map<String, String> env, List<String> secrets, Path configHome) {
        this.env = env;
        this.secrets = secrets;
        this.configHome = configHome;
    }

    /** A client pointed at the test control plane with its token in {@code OPENCRANE_TOKEN}. */
    static Cli forControlPlane() {
        ControlPlane plane = ControlPlane.get();
        Path home;
        try {
            home = Files.createTempDirectory("opencrane-cli-home");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        env.put("OPENCRANE_URL", plane.api.base());
        env.put("OPENCRANE_TOKEN", plane.token);
        return new Cli(env, List.of(plane.token), home);
    }

    /** The same client with an environment variable set (null removes it); a token set this way is a secret too. */
    Cli with(String name, String value) {
        Map<String, String> e = new HashMap<>(env);
        List<String> s = new ArrayList<>(secrets);
        if (value == null) {
            e.remove(name);
        } else {
            e.put(name, value);
            if (name.equals("OPENCRANE_TOKEN")) {
                s.add(value);
            }
        }
        return new Cli(e, s, configHome);
    }

    Cli without(String name) {
        return with(name, null);
    }

    Path credentialsFile() {
        return configHome.resolve(".config/opencrane/credentials");
    }

    Run run(String... args) {
        return runWithInput(null, args);
    }

    Run runWithInput(String stdin, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("cli-out", ".txt");
            Path err = Files.createTempFile("cli-err", ".txt");
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().clear();
            pb.environment().putAll(env);
            Process p = pb.start();
            try (OutputStream in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("the client did not finish within 90 s: " + args[0]);
            }
            Run run = new Run(p.exitValue(), Files.readString(out), Files.readString(err));
            Files.delete(out);
            Files.delete(err);
            for (String secret : secrets) {
                assertFalse(run.out().contains(secret) || run.err().contains(secret), "a token was printed: " + run);
            }
            return run;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
