package ai.opencrane.cli;

import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The process's surroundings, passed in so tests can run the client in-process: streams, environment, terminal. */
public final class Io {

    private final InputStream in;
    private final RedactingWriter outWriter;
    private final RedactingWriter errWriter;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Map<String, String> env;
    private final Console console;
    private final Secrets secrets = new Secrets();

    public Io(InputStream in, OutputStream out, OutputStream err, Map<String, String> env, Console console) {
        this.in = in;
        this.outWriter = new RedactingWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), secrets);
        this.errWriter = new RedactingWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), secrets);
        this.out = new PrintWriter(outWriter, true);
        this.err = new PrintWriter(errWriter, true);
        this.env = Map.copyOf(env);
        this.console = console;
    }

    public static Io system() {
        return new Io(System.in, System.out, System.err, System.getenv(), terminal());
    }

    /** The terminal; since Java 22 {@code System.console()} is not null when redirected, so ask it if it is one. */
    private static Console terminal() {
        Console console = System.console();
        if (console == null) {
            return null;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console) ? console : null;
        } catch (ReflectiveOperationException e) {
            return console;
        }
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    public String env(String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v;
    }

    public Secrets secrets() {
        return secrets;
    }

    /** The terminal, or null when standard input or output is redirected. */
    public Console console() {
        return console;
    }

    /** All of standard input (bodies with {@code -f -}, secrets piped in). */
    public String readStdin() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            return bytes.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw Failure.usage("cannot read standard input: " + e.getMessage());
        }
    }

    /** Writes what is still held back; called once at the end of a run. */
    public void finish() {
        try {
            out.flush();
            err.flush();
            outWriter.drain();
            errWriter.drain();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
