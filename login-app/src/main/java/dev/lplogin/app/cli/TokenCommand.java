package dev.lplogin.app.cli;

import dev.lplogin.app.config.AppConfig;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.usecase.LoginUseCase;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code lp-login token}: prints a valid bearer and nothing else, for {@code $(lp-login token ...)}. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = {"Print a valid bearer and nothing else, refreshing or logging in again as needed.",
                "Logs in by itself with credentials from the environment when no live session is stored.",
                "--user may be omitted when the account has exactly one stored session."})
final class TokenCommand implements Callable<Integer> {

    @ParentCommand
    private LpLoginCommand root;

    @Mixin
    private SessionTargetOptions target;

    @Option(names = "--verify", description = {"Confirm the session at the service first (one refresh,",
            "shared through the store), logging in again if the service killed it."})
    private boolean verify;

    @Override
    public Integer call() {
        return run(root, target.account, target.user, verify);
    }

    /** The command itself, also run by {@link TokenFastPath} (null {@code account}/{@code user} = not given). */
    static int run(LpLoginCommand root, String account, String user, boolean verify) {
        AppConfig config = root.config(account, user);
        try (LoginUseCase core = root.oneShotCore(config)) {
            SessionKey key = Sessions.target(root, config, core);
            if (verify) {
                core.refresh(key); // a session the service has dropped is logged in again here
            }
            // The only place the CLI prints a secret: this command exists to hand the bearer to a script (spec §4).
            root.output().raw(core.bearer(key).reveal());
        }
        return ExitCode.OK.code();
    }
}
