package ai.opencrane.cli;

import java.util.List;

/**
 * A failure the client reports as {@code error: <message>} on standard error, with an exit code: 1 when the API
 * refused the request, 2 for a usage mistake (including local files and configuration), 3 when the server could
 * not be reached.
 */
public class Failure extends RuntimeException {

    public static final int API = 1;
    public static final int USAGE = 2;
    public static final int CONNECTION = 3;

    private final int exitCode;
    private final List<String> details;

    public Failure(int exitCode, String message, List<String> details) {
        super(message, null, false, false);
        this.exitCode = exitCode;
        this.details = List.copyOf(details);
    }

    public static Failure usage(String message) {
        return new Failure(USAGE, message, List.of());
    }

    public static Failure connection(String message) {
        return new Failure(CONNECTION, message, List.of());
    }

    public int exitCode() {
        return exitCode;
    }

    /** Lines shown after the error line: offending fields, hints. */
    public List<String> details() {
        return details;
    }
}
