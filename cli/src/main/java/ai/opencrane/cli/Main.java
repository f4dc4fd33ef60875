package ai.opencrane.cli;

import java.io.PrintWriter;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/** Entry point of the {@code opencrane} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Io io = Io.system();
        int code = run(io, args);
        io.finish();
        System.exit(code);
    }

    /** Runs one command line and answers its exit code (see {@link Failure}). */
    public static int run(Io io, String... args) {
        io.secrets().add(io.env("OPENCRANE_TOKEN"));
        remember(io, List.of(args));
        CommandLine cli = commandLine(io);
        cli.setParameterExceptionHandler(Main::usageError);
        cli.setExecutionExceptionHandler((e, line, parsed) -> failed(e, line, parsed, io));
        return cli.execute(args);
    }

    /** The command tree, every command with --help (and --version). */
    public static CommandLine commandLine(Io io) {
        CommandLine cli = new CommandLine(new OpenCrane(io));
        cli.setOut(io.out()).setErr(io.err()).setCaseInsensitiveEnumValuesAllowed(true);
        addHelp(cli);
        return cli;
    }

    private static void addHelp(CommandLine line) {
        line.getCommandSpec().mixinStandardHelpOptions(true);
        line.getSubcommands().values().forEach(Main::addHelp);
    }

    /** A token given with --token is masked in anything printed, even a usage error that repeats the line. */
    private static void remember(Io io, List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--token") && i + 1 < args.size()) {
                io.secrets().add(args.get(i + 1));
            } else if (a.startsWith("--token=")) {
                io.secrets().add(a.substring("--token=".length()));
            }
        }
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine line = e.getCommandLine();
        PrintWriter err = line.getErr();
        err.println("error: " + e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + line.getCommandSpec().qualifiedName() + " --help' for more information.");
        return Failure.USAGE;
    }

    private static int failed(Exception e, CommandLine line, ParseResult parsed, Io io) {
        PrintWriter err = io.err();
        if (e instanceof Failure f) {
            err.println("error: " + f.getMessage());
            f.details().forEach(err::println);
            if (f instanceof ApiFailure a && a.requestId() != null && ((OpenCrane) line.getCommandSpec().root().userObject()).verbose()) {
                err.println("request id: " + a.requestId());
            }
            return f.exitCode();
        }
        err.println("error: " + e.getClass().getSimpleName() + (e.getMessage() != null ? ": " + e.getMessage() : ""));
        return Failure.API;
    }
}
