package dev.lplogin.app.cli;

import dev.lplogin.domain.model.Credentials;
import dev.lplogin.domain.model.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where credentials come from: never argv (spec §4). Secrets come from the environment, the first line of stdin, or a
 * prompt without echo; non-secret parts (user, client id, app key) may be flags.
 *
 * <p>Environment variables: {@code LP_PASSWORD} (user); {@code LP_CLIENT_ID} + {@code LP_CLIENT_SECRET} (OAuth2 bot);
 * {@code LP_APP_KEY} + {@code LP_APP_SECRET} + {@code LP_ACCESS_TOKEN} + {@code LP_ACCESS_TOKEN_SECRET} (legacy
 * OAuth1 bot). When several kinds are set, OAuth2 wins over OAuth1, which wins over a password.
 */
final class CredentialSources {

    static final String PASSWORD = "LP_PASSWORD";
    static final String CLIENT_ID = "LP_CLIENT_ID";
    static final String CLIENT_SECRET = "LP_CLIENT_SECRET";
    static final String APP_KEY = "LP_APP_KEY";
    static final String APP_SECRET = "LP_APP_SECRET";
    static final String ACCESS_TOKEN = "LP_ACCESS_TOKEN";
    static final String ACCESS_TOKEN_SECRET = "LP_ACCESS_TOKEN_SECRET";

    /** What a legacy OAuth1 login is told, once per run (spec §5). */
    static final String OAUTH1_ENDED = "lp-login: warning: LivePerson ended OAuth1 bot login on 30 April 2026, so "
            + "this login may be refused; log in with OAuth2 client credentials instead: --client-id ID with the "
            + "secret in LP_CLIENT_SECRET (docs/cli.md#credentials)";

    private final Map<String, String> env;
    private final Terminal terminal;
    private final Runnable onLegacyOAuth1;

    CredentialSources(Map<String, String> env, Terminal terminal) {
        this(env, terminal, () -> { });
    }

    /** @param onLegacyOAuth1 called whenever legacy OAuth1 credentials are put together (to warn the user) */
    CredentialSources(Map<String, String> env, Terminal terminal, Runnable onLegacyOAuth1) {
        this.env = Objects.requireNonNull(env, "env");
        this.terminal = Objects.requireNonNull(terminal, "terminal");
        this.onLegacyOAuth1 = Objects.requireNonNull(onLegacyOAuth1, "onLegacyOAuth1");
    }

    /** What {@code lp-login login} was asked to use. Flags win over the environment. */
    record LoginRequest(String user, String clientId, String appKey, boolean passwordStdin, boolean secretStdin) {
    }

    /**
     * The credentials for an explicit login.
     *
     * @throws CliException (usage) if a secret is missing or the flags contradict each other
     */
    Credentials forLogin(LoginRequest request) {
        if (request.clientId() != null && request.appKey() != null) {
            throw CliException.usage("--client-id and --app-key exclude each other",
                    "use --client-id for an OAuth2 bot (recommended) or --app-key for a legacy OAuth1 bot");
        }
        String clientId = request.clientId() != null ? request.clientId()
                : request.appKey() != null ? null : get(CLIENT_ID).orElse(null);
        String appKey = request.appKey() != null ? request.appKey()
                : clientId != null ? null : get(APP_KEY).orElse(null);
        if (clientId != null) {
            rejectPasswordStdin(request, "--client-id");
            Secret secret = request.secretStdin() ? fromStdin("client secret")
                    : get(CLIENT_SECRET).map(Secret::of).orElseThrow(() -> CliException.usage(
                            "missing client secret for OAuth2 client " + clientId,
                            "set " + CLIENT_SECRET + " or pipe it with --secret-stdin"));
            return new Credentials.OAuth2Client(request.user(), clientId, secret);
        }
        if (appKey != null) {
            rejectPasswordStdin(request, "--app-key");
            return legacy(request.user(), appKey, request.secretStdin());
        }
        if (request.secretStdin()) {
            throw CliException.usage("--secret-stdin is for bots",
                    "give --client-id (OAuth2) or --app-key (OAuth1) with it, or use --password-stdin for a user");
        }
        Secret password = request.passwordStdin() ? fromStdin("password")
                : get(PASSWORD).map(Secret::of)
                        .or(() -> terminal.promptSecret("Password for " + request.user() + ": ").map(Secret::of))
                        .orElseThrow(() -> CliException.usage("missing password for " + request.user(),
                                "set " + PASSWORD + ", pipe it with --password-stdin, or run in a terminal to be "
                                        + "asked"));
        return new Credentials.UserPassword(request.user(), password);
    }

    /**
     * Credentials for {@code user} found in the environment alone, with which {@code token}, {@code refresh} and
     * {@code keepalive} log in by themselves; empty if none are set.
     *
     * @throws CliException (usage) if a set is incomplete (e.g. LP_CLIENT_ID without LP_CLIENT_SECRET)
     */
    Optional<Credentials> fromEnvironment(String user) {
        Optional<String> clientId = get(CLIENT_ID);
        if (clientId.isPresent()) {
            Secret secret = get(CLIENT_SECRET).map(Secret::of).orElseThrow(() -> CliException.usage(
                    CLIENT_ID + " is set but " + CLIENT_SECRET + " is not", "set both, or neither"));
            return Optional.of(new Credentials.OAuth2Client(user, clientId.get(), secret));
        }
        Optional<String> appKey = get(APP_KEY);
        if (appKey.isPresent()) {
            return Optional.of(legacy(user, appKey.get(), false));
        }
        return get(PASSWORD).map(password -> new Credentials.UserPassword(user, Secret.of(password)));
    }

    @SuppressWarnings("deprecation") // the legacy OAuth1 form is still supported, and marked deprecated (spec §3.1)
    private Credentials legacy(String user, String appKey, boolean secretStdin) {
        List<String> missing = new ArrayList<>();
        Optional<String> appSecret = secretStdin ? Optional.of(fromStdin("app secret").reveal()) : get(APP_SECRET);
        Optional<String> accessToken = get(ACCESS_TOKEN);
        Optional<String> accessTokenSecret = get(ACCESS_TOKEN_SECRET);
        if (appSecret.isEmpty()) {
            missing.add(APP_SECRET);
        }
        if (accessToken.isEmpty()) {
            missing.add(ACCESS_TOKEN);
        }
        if (accessTokenSecret.isEmpty()) {
            missing.add(ACCESS_TOKEN_SECRET);
        }
        if (!missing.isEmpty()) {
            throw CliException.usage("missing " + String.join(", ", missing) + " for the OAuth1 app key " + appKey,
                    "set LP_APP_SECRET, LP_ACCESS_TOKEN and LP_ACCESS_TOKEN_SECRET (or migrate to --client-id)");
        }
        onLegacyOAuth1.run();
        return new Credentials.LegacyOAuth1(user, appKey, Secret.of(appSecret.get()), Secret.of(accessToken.get()),
                Secret.of(accessTokenSecret.get()));
    }

    private static void rejectPasswordStdin(LoginRequest request, String flag) {
        if (request.passwordStdin()) {
            throw CliException.usage("--password-stdin is for user logins", "with " + flag + " use --secret-stdin");
        }
    }

    private Secret fromStdin(String what) {
        return terminal.firstLineOfStdin().map(Secret::of).orElseThrow(() -> CliException.usage(
                "no " + what + " on standard input",
                "pipe it in, e.g. printf '%s\\n' \"$SECRET\" | lp-login login ..."));
    }

    /** A set, non-empty environment variable. */
    private Optional<String> get(String name) {
        String value = env.get(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
