package dev.lplogin.app.cli;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The environment {@code lp-login exec} gives its command: lp-login's own, without lp-login's secrets. The command
 * gets the bearer ({@code LP_BEARER}) instead of what it was obtained with, so a script that logs its environment, or
 * a dependency that reads it, cannot leak a password, a client secret, the Redis password, the store key or a
 * proxy's credentials.
 *
 * <p>Withheld: the login secrets ({@code LP_PASSWORD}, {@code LP_CLIENT_SECRET}, {@code LP_APP_SECRET},
 * {@code LP_ACCESS_TOKEN}, {@code LP_ACCESS_TOKEN_SECRET}), also with an agent session's credentials prefix
 * ({@code BOT_LP_PASSWORD}, …); the store's ({@code LP_REDIS_PASSWORD}, {@code LP_STORE_KEY} and every
 * {@code LP_STORE_KEY…} variable, {@code LP_STORE} when its URL holds a password); proxy variables whose URL holds
 * credentials ({@code https_proxy}, {@code HTTP_PROXY}, {@code ALL_PROXY}, … in either case).
 */
final class ChildEnvironment {

    private static final Pattern SECRET = Pattern.compile("(?:[A-Za-z0-9_]*_)?LP_(?:PASSWORD|CLIENT_SECRET|APP_SECRET"
            + "|ACCESS_TOKEN|ACCESS_TOKEN_SECRET|REDIS_PASSWORD|STORE_KEY[A-Za-z0-9_]*)");
    private static final Pattern PROXY = Pattern.compile("(?i)(?:[a-z0-9_]*_)?(?:https?|all|ftp|socks)_proxy");

    private ChildEnvironment() {
    }

    /** Removes from {@code env} (a copy of lp-login's environment) every variable that holds a secret of lp-login. */
    static void withhold(Map<String, String> env) {
        env.entrySet().removeIf(variable -> secret(variable.getKey(), variable.getValue()));
    }

    /** Whether the variable {@code name=value} holds a secret lp-login does not pass on. */
    static boolean secret(String name, String value) {
        if (SECRET.matcher(name).matches()) {
            return true;
        }
        if (name.equals("LP_STORE") || PROXY.matcher(name).matches()) {
            return hasPassword(value);
        }
        return false;
    }

    /** Whether {@code url} carries a password ({@code scheme://user:secret@host}, {@code scheme://:secret@host}). */
    private static boolean hasPassword(String url) {
        String candidate = url.strip();
        if (!candidate.contains("://")) {
            candidate = "http://" + candidate; // proxies are often given as user:pw@host:port
        }
        try {
            String userInfo = URI.create(candidate).getRawUserInfo();
            return userInfo != null && userInfo.contains(":");
        } catch (IllegalArgumentException malformed) {
            // unparsable: withhold it if it looks like it has credentials at all
            return candidate.toLowerCase(Locale.ROOT).matches("[a-z0-9+.-]+://[^/@]*:[^/@]*@.*");
        }
    }
}
