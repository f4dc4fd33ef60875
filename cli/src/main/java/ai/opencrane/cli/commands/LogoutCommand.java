package ai.opencrane.cli.commands;

import java.nio.file.Path;

import picocli.CommandLine.Command;

import ai.opencrane.cli.Credentials;
import ai.opencrane.cli.Session;

@Command(name = "logout", description = "Forget the saved token (removes the credentials file).",
        footerHeading = ApiCommand.EXAMPLE, footer = "  opencrane logout")
public final class LogoutCommand extends ApiCommand {

    @Override
    protected Session session() {
        return Session.lenient(spec);
    }

    @Override
    protected void run(Session s) {
        Path file = Session.credentialsFile(s.io());
        s.output().message(Credentials.delete(file) ? "logged out; removed " + file : "not logged in (no " + file + ")");
    }
}
