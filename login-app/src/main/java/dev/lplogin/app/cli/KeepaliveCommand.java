package dev.lplogin.app.cli;

import dev.lplogin.app.config.AppConfig;
import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.model.SessionInfo;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.usecase.LoginSettings;
import dev.lplogin.domain.usecase.LoginUseCase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code lp-login keepalive}: keeps stored sessions alive until interrupted (spec §3.2), one line per refresh or
 * re-login, and a summary on Ctrl-C.
 */
@Command(name = "keepalive", mixinStandardHelpOptions = true,
        description = {"Keep stored sessions alive until interrupted (Ctrl-C), showing every refresh and re-login.",
                "With credentials in the environment (and LP_ACCOUNT/LP_USERNAME), also logs that user in if needed."})
final class KeepaliveCommand implements Callable<Integer> {

    @ParentCommand
    private LpLoginCommand root;

    @Option(names = "--account", paramLabel = "ID", description = "Only sessions of this account (repeatable).")
    private List<String> accounts = new ArrayList<>();

    @Option(names = "--logout-on-exit", description = "Log the sessions out when stopped.")
    private boolean logoutOnExit;

    @Option(names = "--refresh-interval", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How often to refresh, e.g. 4m, 90s, 500ms; default 4m, must be under 30m.")
    private Duration refreshInterval = LoginSettings.DEFAULT_REFRESH_INTERVAL;

    @Override
    public Integer call() throws InterruptedException {
        AppConfig config = root.config(accounts.size() == 1 ? accounts.get(0) : null, null);
        List<AccountId> only = accounts.stream().map(AccountId::of).toList();
        LoginSettings settings = LoginSettings.builder().keepAlive(true).logoutOnClose(logoutOnExit)
                .refreshInterval(refreshInterval).build();
        Output output = root.output();
        KeepaliveReporter reporter = new KeepaliveReporter(output, root.clock());
        LoginUseCase core = root.component(config, settings, reporter).loginUseCase();
        int alive;
        try {
            alive = start(config, only, core, output);
        } catch (RuntimeException e) {
            core.close();
            throw e;
        }
        output.note("keepalive: keeping " + Formats.count(alive, "session") + " alive, refreshing every "
                + Formats.duration(refreshInterval) + "; Ctrl-C to stop" + (logoutOnExit ? " and log out" : ""));
        StopSignal.awaitThen(() -> {
            core.close(); // logs out first when --logout-on-exit
            reporter.summary(alive);
        }, settings.closeTimeout().plusSeconds(5));
        return ExitCode.OK.code();
    }

    /** Confirms every target session alive once, so problems show at once; returns how many are alive. */
    private int start(AppConfig config, List<AccountId> only, LoginUseCase core, Output output) {
        Set<SessionKey> keys = new LinkedHashSet<>();
        core.sessions().stream().map(SessionInfo::key)
                .filter(key -> only.isEmpty() || only.contains(key.account()))
                .forEach(keys::add);
        CredentialSources sources = root.credentialSources();
        if (config.account().isPresent() && config.user().isPresent()) {
            SessionKey key = new SessionKey(config.account().get(), config.user().get());
            sources.fromEnvironment(key.loginName()).ifPresent(credentials -> {
                core.useCredentials(key.account(), credentials);
                keys.add(key);
            });
        }
        if (keys.isEmpty()) {
            throw new CliException(ExitCode.NOT_LOGGED_IN, "no stored sessions to keep alive"
                    + (only.isEmpty() ? "" : " for account " + only),
                    "log in first ('lp-login login ...'), or set LP_ACCOUNT, LP_USERNAME and credentials "
                            + "(LP_PASSWORD, ...) in the environment");
        }
        int alive = 0;
        CliException first = null;
        for (SessionKey key : keys) {
            try {
                SessionInfo info = core.refresh(key);
                output.result("keeping " + Formats.sessionLine(info, root.clock().instant()),
                        () -> Formats.session(info, root.clock().instant()).put("event", "keeping"));
                alive++;
            } catch (RuntimeException e) {
                CliException failure = Failures.translate(e);
                output.error(failure);
                first = first == null ? failure : first;
            }
        }
        if (alive == 0) {
            throw first;
        }
        return alive;
    }
}
