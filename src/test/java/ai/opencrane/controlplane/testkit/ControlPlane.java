package ai.opencrane.controlplane.testkit;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import ai.opencrane.controlplane.testkit.kube.KubeTestServer;
import ai.opencrane.controlplane.testkit.litellm.LiteLlmTestServer;

/**
 * The environment every integration test talks to, started once per test run: a fresh PostgreSQL database,
 * the test doubles of the control plane's dependencies, and the Open Liberty server the build prepared
 * (started with {@code bin/server start}, configured through environment variables, stopped when the JVM exits).
 */
public final class ControlPlane {

    private static ControlPlane instance;
    private static RuntimeException failure;

    public static final String NAMESPACE = "opencrane-it";

    public final Api api;
    public final Db db;
    public final KubeTestServer kube;
    public final HttpDouble knowledge;
    public final HttpDouble webhook;
    public final LiteLlmTestServer litellm;
    /** Sits between the server and PostgreSQL, so tests can cut the database off as a restart would. */
    public final TcpProxy dbProxy;
    public final String token;
    public final int port;
    public final OidcProvider oidc;
    /** The provider-key encryption keys the server was started with ({@code id:base64}). */
    public final String providerKeyEncryptionKeys;
    final Map<String, String> serverEnv;
    private Api replica;
    private final Path wlp;
    private final String server;

    private ControlPlane(Api api, Db db, KubeTestServer kube, HttpDouble knowledge, HttpDouble webhook, TcpProxy dbProxy,
                         LiteLlmTestServer litellm, String token, int port,
                         Map<String, String> serverEnv, Path wlp, String server, OidcProvider oidc) {
        this.api = api;
        this.oidc = oidc;
        this.providerKeyEncryptionKeys = serverEnv.get("OPENCRANE_PROVIDER_KEYS_ENCRYPTION_KEYS");
        this.db = db;
        this.kube = kube;
        this.knowledge = knowledge;
        this.webhook = webhook;
        this.dbProxy = dbProxy;
        this.litellm = litellm;
        this.token = token;
        this.port = port;
        this.serverEnv = serverEnv;
        this.wlp = wlp;
        this.server = server;
    }

    /** The running environment, started on first use. */
    public static synchronized ControlPlane get() {
        if (failure != null) {
            throw new IllegalStateException("the control plane failed to start earlier in this run", failure);
        }
        if (instance == null) {
            try {
                instance = start();
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }
        return instance;
    }

    public static Api api() {
        return get().api;
    }

    public static Db db() {
        return get().db;
    }

    /** The Kubernetes API test server the control plane talks to. */
    public static KubeTestServer kube() {
        return get().kube;
    }

    /** Receives the projection-drift alert webhook. */
    public static HttpDouble webhook() {
        return get().webhook;
    }

    /** The knowledge service (Cognee) double that receives dataset memberships. */
    public static HttpDouble knowledge() {
        return get().knowledge;
    }

    /** The LiteLLM proxy double the control plane manages virtual keys and reads spend logs from. */
    public static LiteLlmTestServer litellm() {
        return get().litellm;
    }

    /** The identity provider (OIDC logins, JWTs) the control plane trusts. */
    public static OidcProvider oidc() {
        return get().oidc;
    }

    private static ControlPlane start() {
        Path wlp = Path.of(System.getProperty("opencrane.it.wlp", "target/liberty/wlp"));
        String server = System.getProperty("opencrane.it.server", "opencrane");
        String dbHost = setting("OPENCRANE_TEST_DB_HOST", "127.0.0.1");
        String dbPort = setting("OPENCRANE_TEST_DB_PORT", "5432");
        String dbUser = setting("OPENCRANE_TEST_DB_USER", "opencrane");
        String dbPassword = setting("OPENCRANE_TEST_DB_PASSWORD", "opencrane");
        // one database per checkout, so test runs in two working copies do not collide
        String dbName = setting("OPENCRANE_TEST_DB_NAME",
                "opencrane_it_" + Integer.toHexString(Path.of("").toAbsolutePath().toString().hashCode()));
        recreateDatabase(dbHost, dbPort, dbUser, dbPassword, dbName);

        KubeTestServer kube = KubeTestServer.start(0, Path.of(System.getProperty("opencrane.it.crds", "chart/crds")));
        HttpDouble knowledge = new HttpDouble();
        HttpDouble webhook = new HttpDouble();
        TcpProxy dbProxy = new TcpProxy(dbHost, Integer.parseInt(dbPort));
        LiteLlmTestServer litellm = LiteLlmTestServer.start("sk-it-master-" + randomHex(12));
        String token = "it-" + randomHex(16);
        int port = freePort();
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("OPENCRANE_HTTP_PORT", String.valueOf(port));
        env.put("OPENCRANE_HTTP_HOST", "127.0.0.1");
        env.put("OPENCRANE_DB_HOST", dbHost);
        env.put("OPENCRANE_DB_PORT", String.valueOf(dbProxy.port()));
        env.put("OPENCRANE_DB_NAME", dbName);
        env.put("OPENCRANE_DB_USER", dbUser);
        env.put("OPENCRANE_DB_PASSWORD", dbPassword);
        env.put("OPENCRANE_API_TOKEN", token);
        env.put("OPENCRANE_KUBE_API_SERVER", kube.url());
        env.put("OPENCRANE_KUBE_TOKEN", "it-kube-token");
        env.put("OPENCRANE_KUBE_TIMEOUT_MS", "3000");
        env.put("OPENCRANE_NAMESPACE", NAMESPACE);
        env.put("OPENCRANE_KNOWLEDGE_ENDPOINT", knowledge.url());
        env.put("OPENCRANE_SERVICE_ACCOUNT_AUDIENCE", "opencrane-it");
        // a heap dump if the server runs out of memory, outside its logs (it holds credentials)
        env.put("JVM_ARGS", "-XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=" + wlp.getParent().toAbsolutePath());
        env.put("OPENCRANE_KNOWLEDGE_TIMEOUT_MS", "2000");
        env.put("OPENCRANE_RECONCILE_INTERVAL_SECONDS", "2");
        env.put("OPENCRANE_RECONCILE_GRACE_SECONDS", "6");
        env.put("OPENCRANE_PROJECTION_DRIFT_ALERT_THRESHOLD", "40");
        env.put("OPENCRANE_DRIFT_WEBHOOK_URL", webhook.url() + "/drift");
        env.put("LITELLM_ENDPOINT", litellm.url());
        env.put("LITELLM_MASTER_KEY", litellm.masterKey());
        env.put("OPENCRANE_LITELLM_TIMEOUT_MS", "2000");
        env.put("OPENCRANE_LITELLM_SYNC_INTERVAL_SECONDS", "2");
        // identity: the test identity provider, plain-HTTP cookies, an encryption key for provider keys,
        // and client addresses from X-Forwarded-For so tests that fail authentication on purpose get their own limit
        OidcProvider oidc = OidcProvider.start();
        env.putAll(oidc.serverEnv());
        env.put("OPENCRANE_PUBLIC_URL", "http://127.0.0.1:" + port);
        env.put("OPENCRANE_AUTH_COOKIE_SECURE", "false");
        env.put("OPENCRANE_AUTH_CLIENT_ADDRESS_HEADER", "X-Forwarded-For");
        env.put("OPENCRANE_AUTH_FAILURE_LIMIT", "50");
        env.put("OPENCRANE_PROVIDER_KEYS_ENCRYPTION_KEYS", "it1:" + java.util.Base64.getEncoder()
                .encodeToString(java.util.HexFormat.of().parseHex(randomHex(32))));

        runServer(wlp, server, env, "stop");
        long started = System.nanoTime();
        runServer(wlp, server, env, "start", "--clean");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> runServer(wlp, server, env, "stop")));
        Api api = new Api("http://127.0.0.1:" + port, token);
        awaitReady(api, wlp, server);
        System.out.printf("control plane ready on port %d after %d ms%n", port,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        ControlPlane plane = new ControlPlane(api,
                new Db("jdbc:postgresql://" + dbHost + ":" + dbPort + "/" + dbName, dbUser, dbPassword),
                kube, knowledge, webhook, dbProxy, litellm, token, port, env, wlp, server, oidc);
        return plane;
    }

    /**
     * A second replica of the server (same database, same cluster), started on first use from a copy of the
     * server directory and stopped when the JVM exits. Its {@link Api} uses the same token.
     */
    public synchronized Api replica() {
        if (replica == null) {
            String name = server + "-replica";
            Path source = wlp.resolve("usr/servers/" + server);
            Path target = wlp.resolve("usr/servers/" + name);
            try {
                copy(source, target);
            } catch (IOException e) {
                throw new IllegalStateException("cannot copy the server for a replica", e);
            }
            int replicaPort = freePort();
            Map<String, String> env = new HashMap<>(serverEnv);
            env.put("OPENCRANE_HTTP_PORT", String.valueOf(replicaPort));
            runServer(wlp, name, env, "stop");
            runServer(wlp, name, env, "start", "--clean");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> runServer(wlp, name, env, "stop")));
            Api a = new Api("http://127.0.0.1:" + replicaPort, token);
            awaitReady(a, wlp, name);
            replica = a;
        }
        return replica;
    }

    /** Stops the replica, if one was started, so it cannot take the lead from tests that follow. */
    public synchronized void stopReplica() {
        if (replica != null) {
            Map<String, String> env = new HashMap<>(serverEnv);
            runServer(wlp, server + "-replica", env, "stop");
            replica = null;
        }
    }

    /** The log of a server of this run ({@code server} or its replica), for tests that check what it wrote. */
    public String log(boolean ofReplica) {
        try {
            return Files.readString(wlp.resolve("usr/servers/" + server + (ofReplica ? "-replica" : "") + "/logs/messages.log"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void copy(Path source, Path target) throws IOException {
        try (var files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path rel = source.relativize(p);
                if (rel.startsWith("logs") || rel.startsWith("workarea") || rel.startsWith("tranlog")) {
                    continue;
                }
                Path dest = target.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Writes a thread dump of the server next to its logs, to diagnose a request that hung. */
    static void threadDump(String why) {
        ControlPlane plane = instance;
        if (plane == null) {
            return;
        }
        try {
            Path pidFile = plane.wlp.resolve("usr/servers/.pid/" + plane.server + ".pid");
            String pid = Files.readString(pidFile).trim();
            Path out = plane.wlp.resolve("usr/servers/" + plane.server + "/logs/threads-" + System.currentTimeMillis() + ".txt");
            new ProcessBuilder("jcmd", pid, "Thread.print").redirectOutput(out.toFile()).redirectErrorStream(true)
                    .start().waitFor(30, TimeUnit.SECONDS);
            System.out.println("thread dump after " + why + ": " + out);
        } catch (IOException e) {
            System.out.println("no thread dump: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The server's log so far, for tests that check what it wrote. */
    public String serverLog() {
        try {
            return Files.readString(wlp.resolve("usr/servers/" + server + "/logs/messages.log"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void awaitReady(Api api, Path wlp, String server) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            try {
                if (api.anonymous().get("/healthz").status() == 200) {
                    return;
                }
            } catch (AssertionError notYet) {
                // connection refused while the server starts
            }
            sleep(250);
        }
        throw new IllegalStateException("the control plane did not become ready; see "
                + wlp.resolve("usr/servers/" + server + "/logs/messages.log"));
    }

    private static void runServer(Path wlp, String server, Map<String, String> env, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(wlp.resolve("bin/server").toString()));
        command.add(args[0]);
        command.add(server);
        command.addAll(List.of(args).subList(1, args.length));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().clear();
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("server " + args[0] + " timed out");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void recreateDatabase(String host, String port, String user, String password, String name) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", user, password);
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the test database (does bin/test's role exist?)", e);
        }
    }

    static String setting(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
