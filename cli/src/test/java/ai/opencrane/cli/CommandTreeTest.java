package ai.opencrane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** Every command documents itself: a description, --help, and an example that fits an 80-column terminal. */
class CommandTreeTest {

    private final CommandLine root = Main.commandLine(new Io(new ByteArrayInputStream(new byte[0]),
            new ByteArrayOutputStream(), new ByteArrayOutputStream(), Map.of(), null));

    private static List<CommandLine> all(CommandLine c) {
        List<CommandLine> out = new ArrayList<>(List.of(c));
        c.getSubcommands().values().stream().distinct().forEach(s -> out.addAll(all(s)));
        return out;
    }

    @Test
    void everyCommandHasHelpAndAnExample() {
        for (CommandLine c : all(root)) {
            String name = c.getCommandSpec().qualifiedName();
            if (name.equals("opencrane help")) {
                continue;
            }
            String usage = c.getUsageMessage(CommandLine.Help.Ansi.OFF);
            assertTrue(c.getCommandSpec().optionsMap().containsKey("--help"), name);
            assertTrue(c.getCommandSpec().usageMessage().description().length > 0, name);
            assertTrue(usage.contains("\nExample:\n  "), name + " has an example:\n" + usage);
            String example = usage.substring(usage.indexOf("\nExample:\n"));
            assertTrue(example.contains("opencrane " + name.substring("opencrane".length()).trim()), name + ":\n" + example);
            example.lines().forEach(l -> assertTrue(l.length() <= 80, name + ": example line too long: " + l));
        }
    }

    @Test
    void theCommandsCoverTheApi() {
        TreeSet<String> names = new TreeSet<>();
        all(root).forEach(c -> names.add(c.getCommandSpec().qualifiedName().substring("opencrane".length()).trim()));
        for (String expected : List.of("login", "logout", "whoami", "openapi", "completion", "audit", "token-usage",
                "tenants list", "tenants get", "tenants create", "tenants update", "tenants delete", "tenants suspend",
                "tenants resume", "tenants datasets get", "tenants datasets set", "tenants contract", "tenants drift",
                "tenants repair", "policies list", "policies get", "policies create", "policies update", "policies delete",
                "policies drift", "policies repair", "mcp-servers list", "mcp-servers create", "groups update",
                "skills delete", "sources get", "tokens list", "tokens create", "tokens revoke", "provider-keys list",
                "provider-keys set", "provider-keys delete", "budgets global get", "budgets global set",
                "budgets accounts list", "budgets accounts set", "budgets accounts delete", "budgets spend",
                "budgets litellm-key", "budgets revoke", "metrics server", "metrics drift")) {
            assertTrue(names.contains(expected), expected + " in " + names);
        }
    }

    @Test
    void globalOptionsWorkAnywhereOnTheLine() {
        CommandLine.ParseResult r = root.parseArgs("tenants", "-o", "json", "list", "--url", "http://h:1", "--verbose");
        assertEquals("list", r.subcommand().subcommand().commandSpec().name());
        OpenCrane options = (OpenCrane) root.getCommand();
        assertEquals("http://h:1", options.url());
        assertEquals(ai.opencrane.cli.output.Format.json, options.format());
        assertTrue(options.verbose());
    }
}
