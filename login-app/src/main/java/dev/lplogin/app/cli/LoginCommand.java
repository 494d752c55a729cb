package dev.lplogin.app.cli;

import dev.lplogin.app.config.AppConfig;
import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.model.Credentials;
import dev.lplogin.domain.model.SessionInfo;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.usecase.LoginUseCase;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code lp-login login}: logs in a user or a bot and stores the session (spec §3.1). */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = {"Log in and store the session.",
                "User: password from LP_PASSWORD, --password-stdin, or a prompt without echo.",
                "OAuth2 bot (--client-id or LP_CLIENT_ID): secret from LP_CLIENT_SECRET or --secret-stdin.",
                "Legacy OAuth1 bot (--app-key or LP_APP_KEY): LP_APP_SECRET, LP_ACCESS_TOKEN, LP_ACCESS_TOKEN_SECRET."})
final class LoginCommand implements Callable<Integer> {

    @ParentCommand
    private LpLoginCommand root;

    @Option(names = "--account", paramLabel = "ID", description = "Account id (env LP_ACCOUNT).")
    private String account;

    @Option(names = "--user", paramLabel = "NAME",
            description = "Login name of the user or bot user (env LP_USERNAME).")
    private String user;

    @Option(names = "--client-id", paramLabel = "ID", description = "OAuth2 client id: log in as a bot (recommended).")
    private String clientId;

    @Option(names = "--app-key", paramLabel = "KEY", description = "Legacy OAuth1 app key (LivePerson ended OAuth1 bot login on 30 April 2026).")
    private String appKey;

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
    private boolean passwordStdin;

    @Option(names = "--secret-stdin", description = "Read the bot's secret from the first line of standard input.")
    private boolean secretStdin;

    @Override
    public Integer call() {
        AppConfig config = root.config(account, user);
        AccountId id = SessionTarget.account(config);
        String name = SessionTarget.user(config);
        Credentials credentials = root.credentialSources().forLogin(
                new CredentialSources.LoginRequest(name, clientId, appKey, passwordStdin, secretStdin));
        Output output = root.output();
        SessionKey key = new SessionKey(id, name);
        try (LoginUseCase core = root.oneShotCore(config)) {
            SessionInfo info = Sessions.loggedIn(core.login(id, credentials), key);
            output.result("logged in " + info.key() + " at " + info.loginHost() + " (user id " + info.userId()
                    + "); session stored in " + config.store(),
                    () -> Formats.session(info, root.clock().instant()).put("store", config.store().toString()));
        }
        return ExitCode.OK.code();
    }
}
