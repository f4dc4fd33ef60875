package ai.opencrane.cli.commands;

import picocli.CommandLine.Command;

import ai.opencrane.cli.Session;

@Command(name = "whoami", description = "Who the server takes you for (GET /auth/me), and how you authenticated.",
        footerHeading = ApiCommand.EXAMPLE, footer = "  opencrane whoami")
public final class WhoamiCommand extends ApiCommand {

    @Override
    protected void run(Session s) {
        s.output().value(s.client().get("/auth/me", null).body());
    }
}
