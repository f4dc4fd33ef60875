package ai.opencrane.cli.commands;

import java.util.concurrent.Callable;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "completion", description = {"Print a shell completion script for bash or zsh.",
        "Source it from ~/.bashrc or ~/.zshrc; in zsh it loads bashcompinit itself."},
        footerHeading = ApiCommand.EXAMPLE,
        footer = {"  source <(opencrane completion bash)       # in ~/.bashrc",
                "  source <(opencrane completion zsh)        # in ~/.zshrc"})
public final class CompletionCommand implements Callable<Integer> {

    enum Shell { bash, zsh }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", arity = "0..1", defaultValue = "bash", description = "bash (default) or zsh.")
    Shell shell;

    @Override
    public Integer call() {
        // picocli's script is written for bash and, through bashcompinit, for zsh
        String script = AutoComplete.bash("opencrane", spec.root().commandLine());
        if (shell == Shell.zsh) {
            script = "# zsh completion for opencrane: source this file from ~/.zshrc\n" + script;
        }
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
