package dev.lplogin.app.cli;

import dev.lplogin.app.config.AppConfig;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.usecase.LoginUseCase;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code lp-login logout}: ends sessions at the service (spec §3.3) and deletes them from the store. */
@Command(name = "logout", mixinStandardHelpOptions = true,
        description = {"Log out a stored session (or --all of them) and delete it from the store.",
                "Logging out a session that is already gone is not an error."})
final class LogoutCommand implements Callable<Integer> {

    @ParentCommand
    private LpLoginCommand root;

    @Mixin
    private SessionTargetOptions target;

    @Option(names = "--all", description = "Log out every stored session.")
    private boolean all;

    @Override
    public Integer call() {
        if (all && (target.account != null || target.user != null)) {
            throw CliException.usage("--all excludes --account and --user", "give either --all or --account ID");
        }
        AppConfig config = root.config(target.account, target.user);
        Output output = root.output();
        try (LoginUseCase core = root.oneShotCore(config)) {
            if (all) {
                int count = core.logoutAll();
                output.result("logged out " + Formats.count(count, "session"),
                        () -> Json.object().put("loggedOut", count));
                return ExitCode.OK.code();
            }
            Optional<SessionKey> key = SessionTarget.find(config, core);
            boolean loggedOut = key.map(core::logout).orElse(false);
            String target = key.map(SessionKey::toString).orElse("account " + SessionTarget.account(config));
            output.result(loggedOut ? "logged out " + target : "no stored session for " + target
                    + ": nothing to log out", () -> Json.object()
                            .put("account", SessionTarget.account(config).value())
                            .put("user", key.map(SessionKey::loginName))
                            .put("loggedOut", loggedOut ? 1 : 0));
        }
        return ExitCode.OK.code();
    }
}
