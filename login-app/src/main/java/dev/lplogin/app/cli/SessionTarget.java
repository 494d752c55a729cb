package dev.lplogin.app.cli;

import dev.lplogin.app.config.AppConfig;
import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.model.SessionInfo;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.usecase.LoginUseCase;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Which session a command means: {@code --account} and {@code --user}, or the account's only stored session. */
final class SessionTarget {

    private SessionTarget() {
    }

    /** The account from {@code --account} / LP_ACCOUNT / the config file. */
    static AccountId account(AppConfig config) {
        return config.account().orElseThrow(() -> CliException.usage("missing --account",
                "give --account ID (e.g. --account 12345678) or set LP_ACCOUNT"));
    }

    /** The user from {@code --user} / LP_USERNAME / the config file, required. */
    static String user(AppConfig config) {
        return config.user().orElseThrow(() -> CliException.usage("missing --user",
                "give --user NAME (the LivePerson login name) or set LP_USERNAME"));
    }

    /**
     * The session key: the configured user if there is one, else the account's only stored session.
     *
     * @return empty if no user is configured and the account has no stored session
     * @throws CliException (usage) if no user is configured and the account has several stored sessions
     */
    static Optional<SessionKey> find(AppConfig config, LoginUseCase core) {
        AccountId account = account(config);
        if (config.user().isPresent()) {
            return Optional.of(new SessionKey(account, config.user().get()));
        }
        List<SessionKey> stored = core.sessions().stream().map(SessionInfo::key)
                .filter(key -> key.account().equals(account))
                .sorted(Comparator.comparing(SessionKey::loginName)).toList();
        if (stored.size() > 1) {
            throw CliException.usage("account " + account + " has " + stored.size() + " stored sessions ("
                    + stored.stream().map(SessionKey::loginName).collect(Collectors.joining(", ")) + ")",
                    "choose one with --user NAME (or LP_USERNAME)");
        }
        return stored.stream().findFirst();
    }

    /** Like {@link #find}, but no session at all is an error: exit 7 with what to do. */
    static SessionKey require(AppConfig config, LoginUseCase core) {
        return find(config, core).orElseThrow(() -> new CliException(ExitCode.NOT_LOGGED_IN,
                "no stored session for account " + account(config),
                "log in first ('lp-login login --account " + account(config) + " --user NAME'), or give --user "
                        + "and put credentials in the environment (LP_PASSWORD, ...)"));
    }
}
