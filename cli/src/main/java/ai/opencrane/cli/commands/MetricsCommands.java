package ai.opencrane.cli.commands;

import picocli.CommandLine.Command;

import ai.opencrane.cli.Session;

@Command(name = "metrics", description = "Platform metrics (Prometheus scrapes /prom; these are the JSON views).",
        subcommands = {MetricsCommands.Server.class, MetricsCommands.Drift.class},
        footerHeading = ApiCommand.EXAMPLE, footer = "  opencrane metrics drift")
public final class MetricsCommands {

    @Command(name = "server", description = "Server health and aggregate platform metrics.",
            footerHeading = ApiCommand.EXAMPLE, footer = "  opencrane metrics server -o json")
    static final class Server extends ApiCommand {
        @Override
        protected void run(Session s) {
            s.output().value(s.client().get("/metrics/server", null).body());
        }
    }

    @Command(name = "drift", description = "Tenant and AccessPolicy projection drift: counts, lag and the alert's state.",
            footerHeading = ApiCommand.EXAMPLE, footer = "  opencrane metrics drift -o yaml")
    static final class Drift extends ApiCommand {
        @Override
        protected void run(Session s) {
            s.output().value(s.client().get("/metrics/projection-drift", null).body());
        }
    }
}
