package ai.opencrane.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * CPU time spent by the system under test while a load ran, from {@code /proc/<pid>/stat} (user + system):
 * the server JVM, the Kubernetes API test server, and the PostgreSQL backends connected to the benchmark's
 * database. Per request it is far steadier than throughput on a shared machine, and it shows where a
 * request's work goes.
 */
final class Cpu {

    private static final double TICK = 100.0; // USER_HZ on Linux

    /** CPU seconds per process group at one moment. */
    record Snapshot(double server, double kube, Map<Long, Double> postgres) {
    }

    /** CPU seconds each part used between two snapshots. */
    record Use(double server, double kube, double postgres) {
        JsonObject perRequest(long requests) {
            double n = Math.max(1, requests);
            return Json.createObjectBuilder().add("serverMs", Load.round(server * 1000 / n))
                    .add("kubeTestServerMs", Load.round(kube * 1000 / n))
                    .add("postgresMs", Load.round(postgres * 1000 / n)).build();
        }
    }

    private final long serverPid;
    private final long kubePid;
    private final Db db;

    Cpu(long serverPid, long kubePid, Db db) {
        this.serverPid = serverPid;
        this.kubePid = kubePid;
        this.db = db;
    }

    Snapshot snapshot() {
        Map<Long, Double> pg = new HashMap<>();
        for (long pid : backends()) {
            pg.put(pid, seconds(pid));
        }
        return new Snapshot(seconds(serverPid), seconds(kubePid), pg);
    }

    Use since(Snapshot before) {
        Snapshot now = snapshot();
        double pg = 0;
        for (Map.Entry<Long, Double> e : now.postgres().entrySet()) {
            pg += e.getValue() - before.postgres().getOrDefault(e.getKey(), 0.0);
        }
        return new Use(now.server() - before.server(), now.kube() - before.kube(), pg);
    }

    private List<Long> backends() {
        try (var c = db.connect(); var s = c.createStatement();
             var r = s.executeQuery("SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                     + "AND pid <> pg_backend_pid()")) {
            List<Long> pids = new java.util.ArrayList<>();
            while (r.next()) {
                pids.add(r.getLong(1));
            }
            return pids;
        } catch (java.sql.SQLException e) {
            return List.of();
        }
    }

    /** utime + stime of a process in seconds (0 when it is gone). */
    static double seconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICK;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
