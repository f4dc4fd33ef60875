package ai.opencrane.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How long the JIT compilers of the server and of the Kubernetes test server have worked, from HotSpot's
 * performance counters ({@code jcmd PerfCounter.print}). A scenario is measured once its own load no longer keeps
 * the compilers busy: on this 2-core machine the compilers need minutes of a route's load before its code is
 * compiled, and until then the same route costs several times the CPU.
 */
final class Jit {

    private final long[] pids;

    Jit(long... pids) {
        this.pids = pids;
    }

    /** Seconds of compilation so far of each JVM, in the order given; NaN where a JVM has no such counter. */
    double[] compileSeconds() {
        double[] s = new double[pids.length];
        for (int i = 0; i < pids.length; i++) {
            s[i] = compileSeconds(pids[i]);
        }
        return s;
    }

    /** The busiest of the JVMs' compilers between two readings, as a share of {@code wallSeconds}; NaN if unknown. */
    static double busiest(double[] before, double[] after, double wallSeconds) {
        double max = Double.NaN;
        for (int i = 0; i < before.length; i++) {
            double share = (after[i] - before[i]) / wallSeconds;
            if (!Double.isNaN(share) && (Double.isNaN(max) || share > max)) {
                max = share;
            }
        }
        return max;
    }

    private static double compileSeconds(long pid) {
        Processes.Output out = Processes.run(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid), "PerfCounter.print"), Map.of(), 60);
        double ticks = Double.NaN;
        double frequency = Double.NaN;
        for (String line : out.text().split("\n")) {
            if (line.startsWith("java.ci.totalTime=")) {
                ticks = Double.parseDouble(line.substring("java.ci.totalTime=".length()).trim());
            } else if (line.startsWith("sun.os.hrt.frequency=")) {
                frequency = Double.parseDouble(line.substring("sun.os.hrt.frequency=".length()).trim());
            }
        }
        return ticks / frequency;
    }
}
