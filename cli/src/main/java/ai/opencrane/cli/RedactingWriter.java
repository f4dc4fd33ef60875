package ai.opencrane.cli;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes whole lines, each with every {@link Secrets secret} masked. A secret never spans lines, so holding back an
 * unfinished line until it ends (or until {@link #drain}) is enough to catch one written in pieces.
 */
final class RedactingWriter extends Writer {

    private final Writer out;
    private final Secrets secrets;
    private final StringBuilder pending = new StringBuilder();

    RedactingWriter(Writer out, Secrets secrets) {
        this.out = out;
        this.secrets = secrets;
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        pending.append(chars, offset, length);
        int end = pending.lastIndexOf("\n");
        if (end >= 0) {
            out.write(secrets.redact(pending.substring(0, end + 1)));
            pending.delete(0, end + 1);
        }
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** Writes the unfinished line too: at the end of the run. */
    void drain() throws IOException {
        out.write(secrets.redact(pending.toString()));
        pending.setLength(0);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        drain();
    }
}
