package ai.opencrane.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.opencrane.controlplane.testkit.Api;

/**
 * The system under test: the Kubernetes API test server (a process of its own) and the packaged Liberty
 * server under {@code target/bench}, configured through environment variables as in production. The
 * scheduled reconciler is set to once an hour so its scans of the deliberately inconsistent seeded data
 * (rows inserted with SQL have no resource) never land inside a measurement; the drift scenario measures
 * that scan directly.
 */
final class Server implements AutoCloseable {

    private final Config cfg;
    private final String dbName;
    private final Map<String, String> settings;
    private final Path classArchive;
    private boolean migrateOnStart = true;
    private Process kube;
    private String kubeUrl;

    Server(Config cfg) {
        this(cfg, cfg.dbName(), Map.of("OPENCRANE_RECONCILE_INTERVAL_SECONDS", "3600"));
    }

    /** A server on database {@code dbName} with extra settings (environment variables) of its own. */
    Server(Config cfg, String dbName, Map<String, String> settings) {
        this.cfg = cfg;
        this.dbName = dbName;
        this.settings = settings;
        this.classArchive = cfg.work().resolve("liberty-classes.jsa");
        try {
            Files.deleteIfExists(classArchive); // written by this run's first start, for this run's WAR
        } catch (IOException e) {
            throw new IllegalStateException("cannot remove " + classArchive, e);
        }
    }

    void startKube() {
        List<String> cmd = List.of(Processes.java(), "-Xmx1g", "-XX:+UseSerialGC", "-cp", cfg.classpath(),
                "ai.opencrane.controlplane.testkit.kube.KubeTestServer", "--port", "0",
                "--crds", cfg.root().resolve("chart/crds").toString());
        try {
            kube = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(kube.getInputStream(), StandardCharsets.UTF_8));
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("KUBE_TEST_SERVER_URL=")) {
                    kubeUrl = line.substring("KUBE_TEST_SERVER_URL=".length());
                    break;
                }
            }
            if (kubeUrl == null) {
                throw new IllegalStateException("the Kubernetes API test server did not start");
            }
            Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "kube-output");
            drain.setDaemon(true);
            drain.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the Kubernetes API test server", e);
        }
    }

    long kubePid() {
        return kube.pid();
    }

    String kubeUrl() {
        return kubeUrl;
    }

    /**
     * Starts Liberty and returns the milliseconds from launching {@code server start} to the first 200 of both
     * {@code /healthz} and an authenticated {@code GET /api/v1/tenants}.
     */
    long start(boolean clean) {
        return start(clean, null);
    }

    /**
     * Whether the next starts apply the migrations themselves (the default) or find them applied, as the chart's
     * replicas do after its migration Job ({@code OPENCRANE_DB_MIGRATE_ON_START=false}).
     */
    void migrateOnStart(boolean migrate) {
        migrateOnStart = migrate;
    }

    /** As {@link #start(boolean)}, with extra JVM options for this start ({@code JVM_ARGS}). */
    long start(boolean clean, String jvmArgs) {
        List<String> args = new ArrayList<>(List.of("start", Config.SERVER));
        if (clean) {
            args.add("--clean");
        }
        String options = classSharing() + (jvmArgs == null ? "" : " " + jvmArgs);
        long t0 = System.nanoTime();
        Process launcher = launch(args, options);
        Api api = new Api(cfg.base(), cfg.token());
        long deadline = t0 + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (answers(api.anonymous(), "/healthz") && answers(api, "/api/v1/tenants?limit=1")) {
                long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                waitFor(launcher, 120);
                return ms;
            }
            sleep(25);
        }
        throw new IllegalStateException("the server did not become ready within 180 s; see " + log());
    }

    /**
     * Stops the server and waits for its JVM to exit, which can be well after {@code server stop} returns: the
     * JVM of the first start writes the class archive as it exits.
     */
    void stop() {
        Optional<ProcessHandle> jvm = Files.isRegularFile(pidFile()) ? ProcessHandle.of(pid()) : Optional.empty();
        waitFor(launch(List.of("stop", Config.SERVER), null), 120);
        try {
            jvm.ifPresent(p -> p.onExit().orTimeout(120, TimeUnit.SECONDS).join());
        } catch (CompletionException e) {
            throw new IllegalStateException("the server JVM did not exit within 120 s of stopping", e);
        }
    }

    /**
     * Class data sharing (HotSpot): the first start writes an archive of every class it loaded when its JVM
     * exits; later starts map that archive instead of loading, parsing and verifying those classes again
     * (most of them load through Liberty's own class loaders, which the JDK's dynamic archive covers). It is
     * what the image's OpenJ9 does with the shared class cache its build fills ({@code configure.sh}). Liberty's
     * bootstrap agent needs {@code AllowArchivingWithJavaAgent}, both when writing and when using the archive.
     */
    private String classSharing() {
        String agent = "-XX:+UnlockDiagnosticVMOptions -XX:+AllowArchivingWithJavaAgent ";
        return agent + (Files.isRegularFile(classArchive) ? "-XX:SharedArchiveFile=" : "-XX:ArchiveClassesAtExit=")
                + classArchive;
    }

    /** The class data sharing archive's size in MB, or 0 when there is none (not written yet, or failed). */
    long classArchiveMb() {
        try {
            return Files.isRegularFile(classArchive) ? Math.round(Files.size(classArchive) / 1048576.0) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private Path pidFile() {
        return cfg.wlp().resolve("usr/servers/.pid/" + Config.SERVER + ".pid");
    }

    /** The Liberty JVM's process id. */
    long pid() {
        try {
            return Long.parseLong(Files.readString(pidFile()).trim());
        } catch (IOException e) {
            throw new IllegalStateException("no pid file: is the server running?", e);
        }
    }

    /** Liberty's own start-up figures from messages.log (the last start): application and server, in seconds. */
    String startupMessages() {
        Pattern p = Pattern.compile("(CWWKZ0001I|CWWKF0011I).* started in ([0-9.]+) seconds");
        String app = "?";
        String server = "?";
        try {
            for (String line : Files.readAllLines(log())) {
                Matcher m = p.matcher(line);
                if (!m.find()) {
                    continue;
                }
                if (m.group(1).equals("CWWKZ0001I")) {
                    app = m.group(2);
                } else {
                    server = m.group(2);
                }
            }
        } catch (IOException e) {
            return "unknown";
        }
        return "Liberty reports: application started in " + app + " s, server in " + server + " s";
    }

    Path log() {
        return cfg.wlp().resolve("usr/servers/" + Config.SERVER + "/logs/messages.log");
    }

    /** The server's environment: what the chart sets, pointed at this run's database and test server. */
    Map<String, String> environment() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("OPENCRANE_HTTP_PORT", String.valueOf(cfg.port()));
        env.put("OPENCRANE_HTTP_HOST", "127.0.0.1");
        env.put("OPENCRANE_DB_HOST", "127.0.0.1");
        env.put("OPENCRANE_DB_PORT", "5432");
        env.put("OPENCRANE_DB_NAME", dbName);
        env.put("OPENCRANE_DB_USER", Db.USER);
        env.put("OPENCRANE_DB_PASSWORD", Db.PASSWORD);
        env.put("OPENCRANE_API_TOKEN", cfg.token());
        env.put("OPENCRANE_KUBE_API_SERVER", kubeUrl);
        env.put("OPENCRANE_KUBE_TOKEN", "bench-kube-token");
        env.put("OPENCRANE_NAMESPACE", cfg.namespace());
        env.put("MALLOC_ARENA_MAX", "2"); // as the image and bin/dev set it
        env.put("OPENCRANE_DB_MIGRATE_ON_START", String.valueOf(migrateOnStart));
        env.putAll(settings);
        return env;
    }

    private Process launch(List<String> args, String jvmArgs) {
        // through bash, as in the image, whose /bin/sh is bash: under Debian's dash, Liberty's script forks sed for
        // each of its JVM options, which put about 0.9 s before the JVM started
        List<String> cmd = new ArrayList<>(List.of("bash", cfg.wlp().resolve("bin/server").toString()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(cfg.work().resolve("server-" + args.get(0) + ".out").toFile());
        pb.environment().clear();
        pb.environment().putAll(environment());
        if (jvmArgs != null) {
            pb.environment().put("JVM_ARGS", jvmArgs);
        }
        try {
            return pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run bin/server " + args.get(0), e);
        }
    }

    private static boolean answers(Api api, String path) {
        try {
            return api.get(path).status() == 200;
        } catch (AssertionError notYet) {
            return false;
        }
    }

    private static void waitFor(Process p, int seconds) {
        try {
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } finally {
            if (kube != null) {
                kube.destroy();
                waitFor(kube, 10);
            }
        }
    }
}
