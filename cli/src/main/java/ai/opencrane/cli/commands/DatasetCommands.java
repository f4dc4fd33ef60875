package ai.opencrane.cli.commands;

import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import ai.opencrane.cli.Session;

@Command(name = "datasets", description = "A tenant's knowledge dataset memberships (org, team, project, personal).",
        subcommands = {DatasetCommands.Get.class, DatasetCommands.Set.class},
        footerHeading = ApiCommand.EXAMPLE, footer = "  opencrane tenants datasets get alice")
public final class DatasetCommands {

    @Command(name = "get", description = "Show a tenant's dataset memberships.",
            footerHeading = ApiCommand.EXAMPLE, footer = "  opencrane tenants datasets get alice -o yaml")
    static final class Get extends ApiCommand {
        @Parameters(paramLabel = "NAME", description = "The tenant's name.")
        String name;

        @Override
        protected void run(Session s) {
            s.output().value(s.client().get(Kinds.TENANTS.item(name) + "/datasets", null).body());
        }
    }

    @Command(name = "set", description = "Replace a tenant's dataset memberships (scopes not given become empty; org is always default).",
            footerHeading = ApiCommand.EXAMPLE,
            footer = {"  opencrane tenants datasets set alice --team research \\",
                    "      --project apollo,gemini --personal alice"})
    static final class Set extends ApiCommand {
        @Option(names = {"-f", "--file"}, paramLabel = "FILE",
                description = "The memberships, a JSON object {org, team, project, personal} ('-' reads standard input).")
        String file;

        @Parameters(paramLabel = "NAME", description = "The tenant's name.")
        String name;

        @Option(names = "--team", paramLabel = "SUBJECT", split = ",",
                description = "A team dataset (repeatable); only the tenant's own team.")
        List<String> team;

        @Option(names = "--project", paramLabel = "SUBJECT", split = ",", description = "A project dataset (repeatable).")
        List<String> project;

        @Option(names = "--personal", paramLabel = "SUBJECT", split = ",",
                description = "A personal dataset (repeatable); only the tenant's own name.")
        List<String> personal;

        @Override
        protected void run(Session s) {
            Body body = Body.from(file, s.io()).put("team", team).put("project", project).put("personal", personal)
                    .putIfAbsent("org", List.of("default")).putIfAbsent("team", List.of())
                    .putIfAbsent("project", List.of()).putIfAbsent("personal", List.of());
            s.output().value(s.client().send("PUT", Kinds.TENANTS.item(name) + "/datasets", null, body.json(), java.util.Map.of()).body());
        }
    }
}
