package dev.lplogin.app.cli;

import dev.lplogin.app.config.AppConfig;
import dev.lplogin.app.wiring.LoginComponent;
import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.model.Credentials;
import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.ServiceHost;
import dev.lplogin.domain.model.ServiceName;
import dev.lplogin.domain.model.SessionInfo;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.usecase.LoginUseCase;
import dev.lplogin.emulator.DemoAccount;
import dev.lplogin.emulator.EmulatorConfig;
import dev.lplogin.emulator.LoginEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code lp-login demo}: starts the emulator in this process (HTTPS, its certificate trusted here only) and walks the
 * real client through the whole lifecycle, one line per step with its timing. Needs no network and no account.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Walk through the whole lifecycle against the embedded emulator, one line per step.",
                "The steps: domain lookup, user login, token, refresh, OAuth2 bot login, status, logout of both."})
final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    private LpLoginCommand root;

    private Output output;

    @Override
    public Integer call() throws Exception {
        output = root.output();
        long started = System.nanoTime();
        output.result("lp-login demo: the real client against a local LivePerson emulator (no network, nothing "
                + "stored on disk)", () -> Json.object().put("step", "start"));
        Path cert = Files.createTempFile("lp-login-demo-", ".pem");
        String traffic;
        try (LoginEmulator emulator = step("emulator", () -> LoginEmulator.start(EmulatorConfig.defaults()),
                e -> "started at " + e.baseUrl() + " (HTTPS; its certificate is trusted by this process only)")) {
            emulator.writeCertificatePem(cert);
            AppConfig config = AppConfig.forEmulator(emulator.baseUrl(), cert);
            LoginComponent app = root.component(config, LpLoginCommand.oneShot(), event -> { });
            AccountId account = AccountId.of(DemoAccount.ACCOUNT_ID);
            try (LoginUseCase core = app.loginUseCase()) {
                step("domain lookup", () -> core.serviceHost(account, ServiceName.LOGIN),
                        (ServiceHost host) -> account + " " + ServiceName.LOGIN + " → " + host);
                walk(core, account, emulator);
            }
            traffic = emulator.stats().requests().entrySet().stream()
                    .filter(e -> e.getValue() > 0 || !e.getKey().isProtectedApi())   // the demo calls none
                    .map(e -> e.getValue() + " " + e.getKey().wireName())
                    .collect(Collectors.joining(", "));
        } finally {
            Files.deleteIfExists(cert);
        }
        Duration total = Duration.ofNanos(System.nanoTime() - started);
        output.result("done in " + Formats.duration(total) + "; the emulator saw " + traffic + " requests. Next: "
                + "'lp-login emulator' in one terminal, then login/token/status against it (docs/cli.md).",
                () -> Json.object().put("step", "done").put("ms", total.toMillis()).put("requests", traffic));
        return ExitCode.OK.code();
    }

    private void walk(LoginUseCase core, AccountId account, LoginEmulator emulator) {
        SessionKey user = new SessionKey(account, DemoAccount.USERNAME);
        SessionKey bot = new SessionKey(account, DemoAccount.BOT_USERNAME);
        step("user login", () -> Sessions.loggedIn(core.login(account,
                        new Credentials.UserPassword(DemoAccount.USERNAME, Secret.of(DemoAccount.PASSWORD))), user),
                info -> info.key() + " logged in at " + info.loginHost() + " (user id " + info.userId() + ")");
        Secret bearer = step("token", () -> core.bearer(user),
                b -> "bearer " + Formats.fingerprint(b)
                        + " (a fingerprint; 'lp-login token' prints the bearer itself)");
        step("token again", () -> core.bearer(user), b -> "bearer " + Formats.fingerprint(b)
                + (b.equals(bearer) ? ", the same session: no new login" : ", a new session"));
        step("refresh", () -> core.refresh(user), info -> "the Login Service confirmed " + info.key()
                + " alive; sessions are refreshed every 4m to stay alive");
        step("OAuth2 bot login", () -> Sessions.loggedIn(core.login(account, new Credentials.OAuth2Client(
                DemoAccount.BOT_USERNAME, DemoAccount.CLIENT_ID, Secret.of(DemoAccount.CLIENT_SECRET))), bot),
                info -> info.key() + " logged in with OAuth2 client credentials (client id " + DemoAccount.CLIENT_ID
                        + ")");
        step("status", core::sessions, (List<SessionInfo> sessions) -> sessions.size() + " sessions: "
                + sessions.stream().map(s -> s.key() + " (" + s.freshness().name().toLowerCase(Locale.ROOT) + ")")
                        .sorted().collect(Collectors.joining(", ")));
        step("logout", () -> List.of(core.logout(user), core.logout(bot)), done -> user.loginName() + " and "
                + bot.loginName() + " logged out; the old bearer is "
                + (emulator.isBearerValid(bearer.reveal()) ? "still valid (unexpected)" : "now rejected")
                + "; live sessions at the emulator: " + emulator.stats().activeSessions());
    }

    /** Runs one step and prints {@code [  12 ms] name  detail}; a failing step fails the demo with its exit code. */
    private <T> T step(String name, Supplier<T> action, Function<T, String> describe) {
        long start = System.nanoTime();
        T result = action.get();
        long ms = Duration.ofNanos(System.nanoTime() - start).toMillis();
        String detail = describe.apply(result);
        output.result(String.format("[%5d ms] %-17s %s", ms, name, detail), () -> Json.object()
                .put("step", name).put("ms", ms).put("detail", detail));
        return result;
    }
}
