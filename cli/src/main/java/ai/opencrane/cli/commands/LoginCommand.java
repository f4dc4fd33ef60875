package ai.opencrane.cli.commands;

import java.nio.file.Path;
import java.util.Map;

import jakarta.json.JsonObject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import ai.opencrane.cli.ApiFailure;
import ai.opencrane.cli.Client;
import ai.opencrane.cli.Credentials;
import ai.opencrane.cli.Failure;
import ai.opencrane.cli.Io;
import ai.opencrane.cli.Session;

@Command(name = "login", description = {"Check a bearer token against the server and save it for later commands.",
        "The token is read from standard input (typed without echo on a terminal) unless --token gives it. It is saved "
                + "with the server URL in $XDG_CONFIG_HOME/opencrane/credentials (else ~/.config/opencrane/credentials), "
                + "readable only by you, and only ever sent to that URL."},
        footerHeading = ApiCommand.EXAMPLE,
        footer = {"  opencrane login --url https://opencrane.example.com < token.txt",
                "  pass show opencrane | opencrane login"})
public final class LoginCommand extends ApiCommand {

    @Option(names = "--no-verify", description = "Save the token without checking it against the server.")
    boolean noVerify;

    @Override
    protected Session session() {
        return Session.lenient(spec);
    }

    @Override
    protected void run(Session s) {
        String token = s.tokenOption() != null ? s.tokenOption() : read(s.io(), s.url());
        s.io().secrets().add(token);
        if (!noVerify) {
            verify(s.clientWith(token));
        }
        Path file = Session.credentialsFile(s.io());
        new Credentials(s.url(), token).write(file);
        s.output().message("logged in to " + s.url() + "; token saved in " + file);
    }

    private static String read(Io io, String url) {
        String token;
        if (io.console() != null) {
            char[] typed = io.console().readPassword("Token for %s: ", url);
            token = typed == null ? "" : new String(typed);
        } else {
            token = io.readStdin();
        }
        token = token.strip();
        if (token.isEmpty() || token.contains("\n") || token.contains(" ")) {
            throw Failure.usage("give the token on standard input (one line) or with --token");
        }
        return token;
    }

    /** {@code /auth/me} says whether the token authenticates; a server without it is asked for one audit entry. */
    private static void verify(Client client) {
        try {
            JsonObject me = client.get("/auth/me", null).object();
            if (!me.getBoolean("authenticated", true)) {
                throw new ApiFailure(401, "UNAUTHORIZED", "the server did not accept the token", java.util.List.of(), null);
            }
        } catch (ApiFailure e) {
            if (e.status() != 404) {
                throw e;
            }
            client.get("/audit", Map.of("limit", "1"));
        }
    }
}
