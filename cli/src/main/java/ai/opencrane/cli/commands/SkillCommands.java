package ai.opencrane.cli.commands;

import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "skills", description = "The skills catalogue: skill bundles, their versions, scans and grants.",
        subcommands = {SkillCommands.List.class, SkillCommands.Get.class, SkillCommands.Create.class,
                SkillCommands.Update.class, SkillCommands.Delete.class},
        footerHeading = ApiCommand.EXAMPLE, footer = "  opencrane skills list --status published")
public final class SkillCommands {

    /** The common fields as flags; the others (grants, ...) only come from {@code --file}. */
    static final class Fields {
        @Option(names = "--name", paramLabel = "NAME", description = "The bundle's name.")
        String name;

        @Option(names = "--description", paramLabel = "TEXT", description = "What the skill does.")
        String description;

        @Option(names = "--bundle-version", paramLabel = "VERSION", description = "The bundle's version, e.g. 1.2.0.")
        String version;

        @Option(names = "--digest", paramLabel = "DIGEST", description = "Its sha256:... digest.")
        String digest;

        @Option(names = "--scope", paramLabel = "SCOPE", description = "org, department, project or personal.")
        String scope;

        @Option(names = "--status", paramLabel = "STATUS",
                description = "draft, review or published (published needs a passed scan).")
        String status;

        @Option(names = "--tag", paramLabel = "TAG", split = ",", description = "A tag (repeatable).")
        java.util.List<String> tags;

        @Option(names = "--source", paramLabel = "ID", description = "The third-party source it came from (sourceId).")
        String sourceId;

        void into(Body body) {
            body.put("name", name).put("description", description).put("version", version).put("digest", digest)
                    .put("scope", scope).put("status", status).put("tags", tags).put("sourceId", sourceId);
        }
    }

    @Command(name = "list", description = "List skill bundles.",
            footerHeading = ApiCommand.EXAMPLE, footer = "  opencrane skills list --name web-search --all")
    static final class List extends ListCommand {
        @Option(names = "--scope", paramLabel = "SCOPE", description = "Only bundles of this scope.")
        String scope;

        @Option(names = "--status", paramLabel = "STATUS", description = "Only bundles in this status.")
        String status;

        @Option(names = "--source", paramLabel = "ID", description = "Only bundles from this third-party source.")
        String sourceId;

        @Option(names = "--name", paramLabel = "NAME", description = "Only versions of the bundle with this name.")
        String name;

        @Option(names = "--tag", paramLabel = "TAG", description = "Only bundles carrying this tag.")
        String tag;

        @Override
        protected Kind kind() {
            return Kinds.SKILLS;
        }

        @Override
        protected void filters(Map<String, String> query) {
            query.put("scope", scope);
            query.put("status", status);
            query.put("sourceId", sourceId);
            query.put("name", name);
            query.put("tag", tag);
        }
    }

    @Command(name = "get", description = "Show a skill bundle.",
            footerHeading = ApiCommand.EXAMPLE, footer = "  opencrane skills get \"$BUNDLE_ID\"")
    static final class Get extends GetCommand {
        @Parameters(paramLabel = "ID", description = "The bundle's id.")
        String id;

        @Override
        protected Kind kind() {
            return Kinds.SKILLS;
        }

        @Override
        protected String id() {
            return id;
        }
    }

    @Command(name = "create", description = "Publish a skill bundle to the catalogue (a draft unless --status says otherwise).",
            footerHeading = ApiCommand.EXAMPLE,
            footer = {"  opencrane skills create --name web-search --bundle-version 1.2.0 \\",
                    "      --scope org --digest \"sha256:$(sha256sum bundle.tgz | cut -c1-64)\"",
                    "  opencrane skills create -f bundle.json"})
    static final class Create extends CreateCommand {
        @Mixin
        Fields fields;

        @Override
        protected Kind kind() {
            return Kinds.SKILLS;
        }

        @Override
        protected void fields(Body body) {
            fields.into(body);
        }
    }

    @Command(name = "update", description = "Change a skill bundle: the fields given are replaced, the others kept.",
            footerHeading = ApiCommand.EXAMPLE, footer = "  opencrane skills update \"$BUNDLE_ID\" --status published")
    static final class Update extends UpdateCommand {
        @Parameters(paramLabel = "ID", description = "The bundle's id.")
        String id;

        @Mixin
        Fields fields;

        @Override
        protected Kind kind() {
            return Kinds.SKILLS;
        }

        @Override
        protected String id() {
            return id;
        }

        @Override
        protected void fields(Body body) {
            fields.into(body);
        }
    }

    @Command(name = "delete", description = "Remove a skill bundle from the catalogue.",
            footerHeading = ApiCommand.EXAMPLE, footer = "  opencrane skills delete \"$BUNDLE_ID\"")
    static final class Delete extends DeleteCommand {
        @Parameters(paramLabel = "ID", description = "The bundle's id.")
        String id;

        @Override
        protected Kind kind() {
            return Kinds.SKILLS;
        }

        @Override
        protected String id() {
            return id;
        }
    }
}
