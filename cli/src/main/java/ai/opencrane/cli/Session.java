package ai.opencrane.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import picocli.CommandLine.Model.CommandSpec;

import ai.opencrane.cli.output.Output;

/**
 * What one run talks to and how it prints. The server URL is {@code --url}, else {@code $OPENCRANE_URL}, else the
 * saved login's, else {@code http://localhost:9080}; the token is {@code --token}, else {@code $OPENCRANE_TOKEN},
 * else the saved login's, and a saved token only ever goes to the URL it was saved for.
 */
public final class Session {

    public static final String DEFAULT_URL = "http://localhost:9080";

    private final OpenCrane options;
    private final Io io;
    private final String url;
    private final String token;
    private final Output output;
    private Client client;

    private Session(OpenCrane options, String url, String token) {
        this.options = options;
        this.io = options.io();
        this.url = url;
        this.token = token;
        this.output = new Output(options.format(), io.out(), io.err());
    }

    /** The session of the run a command belongs to. */
    public static Session of(CommandSpec spec) {
        return ((OpenCrane) spec.root().userObject()).session();
    }

    /**
     * The session of {@code login} and {@code logout}, which replace or remove the saved login: a saved file that
     * cannot be read is ignored instead of refused.
     */
    public static Session lenient(CommandSpec spec) {
        return create((OpenCrane) spec.root().userObject(), true);
    }

    static Session create(OpenCrane options, boolean lenient) {
        Io io = options.io();
        String explicitUrl = first(options.url(), io.env("OPENCRANE_URL"));
        String explicitToken = first(options.token(), io.env("OPENCRANE_TOKEN"));
        Optional<Credentials> saved = Optional.empty();
        if (explicitUrl == null || explicitToken == null) {
            try {
                saved = Credentials.read(credentialsFile(io));
            } catch (Failure e) {
                if (!lenient) {
                    throw e;
                }
            }
        }
        saved.ifPresent(c -> io.secrets().add(c.token()));
        String url = normalize(first(explicitUrl, saved.map(Credentials::url).orElse(null), DEFAULT_URL));
        String token = explicitToken;
        if (token == null && saved.isPresent() && saved.get().url() != null && normalize(saved.get().url()).equals(url)) {
            token = saved.get().token();
        }
        io.secrets().add(token);
        return new Session(options, url, token);
    }

    public Io io() {
        return io;
    }

    public Output output() {
        return output;
    }

    public String url() {
        return url;
    }

    /** The token given with {@code --token}, if any. */
    public String tokenOption() {
        return options.token();
    }

    public boolean verbose() {
        return options.verbose();
    }

    public Client client() {
        if (client == null) {
            client = clientWith(token);
        }
        return client;
    }

    /** A client with another token (login checks the token it is about to save). */
    public Client clientWith(String otherToken) {
        io.secrets().add(otherToken);
        return new Client(url, otherToken, Duration.ofSeconds(options.timeoutSeconds()), options.verbose() ? io.err() : null);
    }

    public static Path credentialsFile(Io io) {
        return Credentials.location(io);
    }

    /** The server's root URL: no trailing slash, no {@code /api/v1}; http or https only. */
    public static String normalize(String raw) {
        String u = raw.trim();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        if (u.endsWith("/api/v1")) {
            u = u.substring(0, u.length() - "/api/v1".length());
        }
        try {
            URI uri = URI.create(u);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null) {
                return u;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw Failure.usage("the server URL must be an http or https URL such as " + DEFAULT_URL + ", not " + raw);
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
