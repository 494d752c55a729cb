package dev.lplogin.app.cli;

import dev.lplogin.app.config.AppConfig;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.usecase.LoginUseCase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code lp-login exec -- CMD ARGS…}: runs a command with a valid bearer in {@code LP_BEARER} (and the agent's sink in
 * {@code LP_BEARER_FILE} when an agent keeps one for the session) and ends with its exit code — the bearer never
 * appears on a command line, where {@code ps} would show it.
 */
@Command(name = "exec", mixinStandardHelpOptions = true,
        description = {"Run a command with a valid bearer in LP_BEARER; exit with its exit code.",
                "Put -- before CMD. LP_BEARER_FILE names the agent's sink when an agent keeps one",
                "for the session.",
                "lp-login's own secrets (LP_PASSWORD, LP_CLIENT_SECRET, LP_REDIS_PASSWORD, the",
                "store key, proxy credentials, ...) are not passed on: CMD gets the bearer instead."})
final class ExecCommand implements Callable<Integer> {

    /** The shells' code for "command not found". */
    private static final int NOT_FOUND = 127;

    @ParentCommand
    private LpLoginCommand root;

    @Mixin
    private SessionTargetOptions target;

    @Parameters(arity = "1..*", paramLabel = "CMD", description = "The command and its arguments, after --.")
    private List<String> command;

    @Override
    public Integer call() throws InterruptedException {
        AppConfig config = root.config(target.account, target.user);
        String bearer;
        SessionKey key;
        try (LoginUseCase core = root.oneShotCore(config)) {
            key = Sessions.target(root, config, core);
            bearer = core.bearer(key).reveal();
        }
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        Map<String, String> env = builder.environment();
        env.clear();
        env.putAll(root.env());
        ChildEnvironment.withhold(env); // the command gets the bearer instead of what it was obtained with
        env.put("LP_BEARER", bearer);
        Optional<Path> sink = AgentDirectory.runningSink(root.env(), key);
        sink.ifPresentOrElse(file -> env.put("LP_BEARER_FILE", file.toString()), () -> env.remove("LP_BEARER_FILE"));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            root.output().error(new CliException(ExitCode.FAILURE, "cannot run '" + command.get(0) + "'",
                    "is it installed and on PATH?"));
            return NOT_FOUND;
        }
        // Ctrl-C reaches the command through the terminal's process group; a SIGTERM sent to lp-login alone is
        // passed on, so the command is not left running without its parent.
        Thread forward = new Thread(process::destroy, "lp-login-exec-stop");
        Runtime.getRuntime().addShutdownHook(forward);
        int code = process.waitFor();
        try {
            Runtime.getRuntime().removeShutdownHook(forward);
        } catch (IllegalStateException shuttingDown) {
            // already stopping: the hook runs anyway
        }
        return code;
    }
}
