package dev.lplogin.app.cli;

import dev.lplogin.app.config.AppConfig;
import dev.lplogin.domain.model.SessionInfo;
import dev.lplogin.domain.usecase.LoginUseCase;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code lp-login refresh}: confirms a stored session alive now (spec §3.2), logging in again if it died. */
@Command(name = "refresh", mixinStandardHelpOptions = true,
        description = {"Refresh a stored session now; log in again (credentials from the environment) if it died.",
                "--user may be omitted when the account has exactly one stored session."})
final class RefreshCommand implements Callable<Integer> {

    @ParentCommand
    private LpLoginCommand root;

    @Mixin
    private SessionTargetOptions target;

    @Override
    public Integer call() {
        AppConfig config = root.config(target.account, target.user);
        try (LoginUseCase core = root.oneShotCore(config)) {
            SessionInfo info = core.refresh(Sessions.target(root, config, core));
            root.output().result("refreshed " + Formats.sessionLine(info, root.clock().instant()),
                    () -> Formats.session(info, root.clock().instant()));
        }
        return ExitCode.OK.code();
    }
}
