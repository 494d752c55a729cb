package dev.lplogin.app.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code lp-login completion bash|zsh}: prints the shell completion script picocli's {@link AutoComplete} generates
 * from the command model, so it always matches the commands and options of this version.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a shell completion script for lp-login.",
                "It completes lp-login, bin/lp-login and ./bin/lp-login.",
                "bash: source <(lp-login completion bash), or save it as",
                "      ~/.local/share/bash-completion/completions/lp-login",
                "zsh:  source <(lp-login completion zsh)  (the bash script, through zsh's bashcompinit)"})
final class CompletionCommand implements Callable<Integer> {

    /** The names besides {@code lp-login} the script completes: the launcher of a clone, as usually typed. */
    static final java.util.List<String> LAUNCHER_NAMES = java.util.List.of("bin/lp-login", "./bin/lp-login");

    /** The shells the script works in. */
    enum Shell { bash, zsh }

    @ParentCommand
    private LpLoginCommand root;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
    private Shell shell;

    @Override
    public Integer call() {
        // Also for the launcher in a clone, run as bin/lp-login or ./bin/lp-login: zsh finds a completion by the
        // command word as typed, and bash by it before its last path component.
        String script = AutoComplete.bash("lp-login", spec.root().commandLine())
                + "complete -F _complete_lp-login -o default " + String.join(" ", LAUNCHER_NAMES) + "\n";
        if (shell == Shell.zsh) {
            // picocli writes one script for both; zsh runs it through its bash compatibility layer
            script = "autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n" + script;
        }
        root.output().raw(script);
        return ExitCode.OK.code();
    }
}
