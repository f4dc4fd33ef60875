package ai.opencrane.cli.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import ai.opencrane.cli.Failure;
import ai.opencrane.cli.Io;
import ai.opencrane.cli.Session;

@Command(name = "provider-keys", description = "API keys of the model providers (OpenAI, Anthropic, ...); never shown back.",
        subcommands = {ProviderKeyCommands.List.class, ProviderKeyCommands.Set.class, ProviderKeyCommands.Delete.class},
        footerHeading = ApiCommand.EXAMPLE, footer = "  opencrane provider-keys set openai < openai.key")
public final class ProviderKeyCommands {

    @Command(name = "list", description = "List the configured provider keys (masked).",
            footerHeading = ApiCommand.EXAMPLE, footer = "  opencrane provider-keys list")
    static final class List extends ListCommand {
        @Override
        protected Kind kind() {
            return Kinds.PROVIDER_KEYS;
        }
    }

    @Command(name = "set", description = {"Set a provider's API key.",
            "The key is read from standard input (typed without echo on a terminal) or from --from-file, never from "
                    + "an argument, so it stays out of shell history and the process list."},
            footerHeading = ApiCommand.EXAMPLE,
            footer = {"  opencrane provider-keys set openai < openai.key",
                    "  opencrane provider-keys set anthropic --from-file ~/.secrets/anthropic"})
    static final class Set extends ApiCommand {
        @Parameters(paramLabel = "PROVIDER", description = "The provider, e.g. openai or anthropic.")
        String provider;

        @Option(names = "--from-file", paramLabel = "FILE", description = "Read the key from this file.")
        Path file;

        @Override
        protected void run(Session s) {
            String key = key(s.io());
            s.io().secrets().add(key);
            Body body = Body.empty().put("provider", provider).put("apiKey", key);
            s.output().value(s.client().send("PUT", Kinds.PROVIDER_KEYS.path(), null, body.json(), Map.of()).body());
        }

        private String key(Io io) {
            String key;
            if (file != null) {
                try {
                    key = Files.readString(file);
                } catch (IOException e) {
                    throw Failure.usage("cannot read " + file + ": " + e.getMessage());
                }
            } else if (io.console() != null) {
                char[] typed = io.console().readPassword("API key for %s: ", provider);
                key = typed == null ? "" : new String(typed);
            } else {
                key = io.readStdin();
            }
            key = key.strip();
            if (key.isEmpty()) {
                throw Failure.usage("no key given: pipe it to standard input or use --from-file");
            }
            return key;
        }
    }

    @Command(name = "delete", description = "Remove a provider's API key.",
            footerHeading = ApiCommand.EXAMPLE, footer = "  opencrane provider-keys delete openai")
    static final class Delete extends ApiCommand {
        @Parameters(paramLabel = "PROVIDER", description = "The provider.")
        String provider;

        @Override
        protected void run(Session s) {
            s.client().send("DELETE", Kinds.PROVIDER_KEYS.item(provider), null, null, Map.of());
            s.output().message("provider key " + provider + " deleted");
        }
    }
}
