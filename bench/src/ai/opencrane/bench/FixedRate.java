package ai.opencrane.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * An open-loop load generator for "latency at a given load": request k of the run is due at
 * {@code start + k / rate}, spread round-robin over a fixed number of keep-alive connections (one thread
 * each). Latency is measured from the moment a request was due, not from when it was sent, so a server
 * stall counts against every request it delayed (no coordinated omission, as in wrk2). Runs in a process of
 * its own: {@code java ... FixedRate host port path token rate connections warmupSeconds seconds}; prints one
 * JSON line with the {@link Load}.
 */
public final class FixedRate {

    private FixedRate() {
    }

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        String path = args[2];
        String token = args[3].isEmpty() ? null : args[3];
        double rate = Double.parseDouble(args[4]);
        int connections = Integer.parseInt(args[5]);
        double warmup = Double.parseDouble(args[6]);
        double seconds = Double.parseDouble(args[7]);
        byte[] request = Http1.request("GET", host, port, path, token, null);
        if (warmup > 0) {
            run(host, port, request, rate, connections, warmup);
        }
        Load load = run(host, port, request, rate, connections, seconds);
        System.out.println("BENCH_RESULT " + load.toJson());
    }

    /** Launches the generator as a separate JVM and returns what it measured. */
    static Load launch(Config cfg, String path, String token, double rate, double warmup, double seconds) {
        List<String> cmd = List.of(Processes.java(), "-Xmx128m", "-XX:+UseSerialGC", "-cp", cfg.classpath(),
                FixedRate.class.getName(), "127.0.0.1", String.valueOf(cfg.port()), path, token == null ? "" : token,
                String.valueOf(rate), String.valueOf(cfg.connections()), String.valueOf(warmup), String.valueOf(seconds));
        JsonObject r = Processes.resultLine(Processes.run(cmd, Map.of(), (long) (warmup + seconds) + 60));
        return Wrk.load("fixed-rate", r, rate);
    }

    static Load run(String host, int port, byte[] request, double rate, int connections, double seconds)
            throws InterruptedException {
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        long end = start + (long) (seconds * 1e9);
        double interval = 1e9 / rate;
        List<Worker> workers = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            workers.add(new Worker(host, port, request, start, end, interval, c, connections));
        }
        workers.forEach(Thread::start);
        for (Worker w : workers) {
            w.join();
        }
        long total = workers.stream().mapToLong(w -> w.count).sum();
        long[] all = new long[(int) total];
        int at = 0;
        Map<Integer, Long> statuses = new HashMap<>();
        long errors = 0;
        for (Worker w : workers) {
            System.arraycopy(w.latencies, 0, all, at, w.count);
            at += w.count;
            w.statuses.forEach((k, v) -> statuses.merge(k, v, Long::sum));
            errors += w.errors;
        }
        Arrays.sort(all);
        return new Load("fixed-rate", connections, rate, seconds, total, pct(all, 0.50), pct(all, 0.90),
                pct(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6, statuses, errors);
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static final class Worker extends Thread {
        private final Http1 http;
        private final byte[] request;
        private final long start;
        private final long end;
        private final double interval;
        private final int offset;
        private final int stride;
        long[] latencies = new long[1024];
        int count;
        long errors;
        final Map<Integer, Long> statuses = new HashMap<>();

        Worker(String host, int port, byte[] request, long start, long end, double interval, int offset, int stride) {
            super("fixed-rate-" + offset);
            this.http = new Http1(host, port);
            this.request = request;
            this.start = start;
            this.end = end;
            this.interval = interval;
            this.offset = offset;
            this.stride = stride;
        }

        @Override
        public void run() {
            for (long k = offset; ; k += stride) {
                long due = start + (long) (k * interval);
                if (due >= end) {
                    break;
                }
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                try {
                    int status = http.send(request, false).status();
                    record(System.nanoTime() - due);
                    statuses.merge(status, 1L, Long::sum);
                } catch (IOException e) {
                    errors++;
                }
            }
            http.close();
        }

        private void record(long nanos) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
        }
    }
}
