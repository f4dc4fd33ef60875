package ai.opencrane.cli.commands;

import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import ai.opencrane.cli.Session;

@Command(name = "tenants", description = "Tenants: one person's AI assistant each (Tenant resources, projected into PostgreSQL).",
        subcommands = {TenantCommands.List.class, TenantCommands.Get.class, TenantCommands.Create.class,
                TenantCommands.Update.class, TenantCommands.Delete.class, TenantCommands.Suspend.class,
                TenantCommands.Resume.class, DatasetCommands.class, TenantCommands.Contract.class,
                TenantCommands.Drift.class, TenantCommands.Repair.class},
        footerHeading = ApiCommand.EXAMPLE, footer = "  opencrane tenants list --team research")
public final class TenantCommands {

    @Command(name = "list", description = "List tenants, newest first.",
            footerHeading = ApiCommand.EXAMPLE, footer = "  opencrane tenants list --phase Running --all -o json")
    static final class List extends ListCommand {
        @Option(names = "--team", paramLabel = "TEAM", description = "Only this team's tenants.")
        String team;

        @Option(names = "--phase", paramLabel = "PHASE",
                description = "Only tenants in this phase: Pending, Running, Suspended, Error.")
        String phase;

        @Override
        protected Kind kind() {
            return Kinds.TENANTS;
        }

        @Override
        protected void filters(Map<String, String> query) {
            query.put("team", team);
            query.put("phase", phase);
        }
    }

    @Command(name = "get", description = "Show a tenant.",
            footerHeading = ApiCommand.EXAMPLE, footer = "  opencrane tenants get alice")
    static final class Get extends GetCommand {
        @Parameters(paramLabel = "NAME", description = "The tenant's name.")
        String name;

        @Override
        protected Kind kind() {
            return Kinds.TENANTS;
        }

        @Override
        protected String id() {
            return name;
        }
    }

    @Command(name = "create", description = "Create a tenant (its Tenant resource, then its projection).",
            footerHeading = ApiCommand.EXAMPLE,
            footer = {"  opencrane tenants create alice --display-name 'Alice Example' \\",
                    "      --email alice@example.com --team research",
                    "  opencrane tenants create -f alice.json"})
    static final class Create extends CreateCommand {
        @Parameters(paramLabel = "NAME", arity = "0..1", description = "The tenant's name (a DNS label); or give it in the file.")
        String name;

        @Mixin
        TenantFields fields;

        @Override
        protected Kind kind() {
            return Kinds.TENANTS;
        }

        @Override
        protected void fields(Body body) {
            body.put("name", name);
            fields.into(body);
        }
    }

    @Command(name = "update", description = "Change a tenant: the fields given are replaced, the others kept.",
            footerHeading = ApiCommand.EXAMPLE, footer = {"  opencrane tenants update alice --team platform --unset policyRef",
                    "  opencrane tenants update alice --budget 50 --if-match 4711"})
    static final class Update extends UpdateCommand {
        @Parameters(paramLabel = "NAME", description = "The tenant's name.")
        String name;

        @Mixin
        TenantFields fields;

        @Override
        protected Kind kind() {
            return Kinds.TENANTS;
        }

        @Override
        protected String id() {
            return name;
        }

        @Override
        protected void fields(Body body) {
            fields.into(body);
        }
    }

    @Command(name = "delete", description = "Delete a tenant (resource and projection; the audit log keeps its name).",
            footerHeading = ApiCommand.EXAMPLE, footer = "  opencrane tenants delete alice")
    static final class Delete extends DeleteCommand {
        @Parameters(paramLabel = "NAME", description = "The tenant's name.")
        String name;

        @Override
        protected Kind kind() {
            return Kinds.TENANTS;
        }

        @Override
        protected String id() {
            return name;
        }
    }

    @Command(name = "suspend", description = "Suspend a tenant's pod, keeping its state.",
            footerHeading = ApiCommand.EXAMPLE, footer = "  opencrane tenants suspend alice")
    static final class Suspend extends ApiCommand {
        @Parameters(paramLabel = "NAME", description = "The tenant's name.")
        String name;

        @Override
        protected void run(Session s) {
            var tenant = s.client().send("POST", Kinds.TENANTS.item(name) + "/suspend", null, null, Map.of()).body();
            s.output().result(tenant, "tenant " + name + " suspended");
        }
    }

    @Command(name = "resume", description = "Resume a suspended tenant.",
            footerHeading = ApiCommand.EXAMPLE, footer = "  opencrane tenants resume alice")
    static final class Resume extends ApiCommand {
        @Parameters(paramLabel = "NAME", description = "The tenant's name.")
        String name;

        @Override
        protected void run(Session s) {
            var tenant = s.client().send("POST", Kinds.TENANTS.item(name) + "/resume", null, null, Map.of()).body();
            s.output().result(tenant, "tenant " + name + " resumed");
        }
    }

    @Command(name = "contract", description = "Show the tenant's effective runtime contract (what its assistant may reach).",
            footerHeading = ApiCommand.EXAMPLE, footer = "  opencrane tenants contract alice -o json")
    static final class Contract extends ApiCommand {
        @Parameters(paramLabel = "NAME", description = "The tenant's name.")
        String name;

        @Override
        protected void run(Session s) {
            s.output().value(s.client().get(Kinds.TENANTS.item(name) + "/effective-contract", null).body());
        }
    }

    @Command(name = "drift", description = "Where the tenants table differs from the Tenant resources.",
            footerHeading = ApiCommand.EXAMPLE, footer = "  opencrane tenants drift")
    static final class Drift extends DriftCommand {
        @Override
        protected Kind kind() {
            return Kinds.TENANTS;
        }
    }

    @Command(name = "repair", description = "Repair the tenants table from the Tenant resources (a dry run unless --apply).",
            footerHeading = ApiCommand.EXAMPLE, footer = {"  opencrane tenants repair            # what would change",
                    "  opencrane tenants repair --apply --prune"})
    static final class Repair extends RepairCommand {
        @Override
        protected Kind kind() {
            return Kinds.TENANTS;
        }
    }
}
