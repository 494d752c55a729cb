package dev.lplogin.emulator;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * How a {@link LoginEmulator} behaves. Immutable; start from {@link #defaults()} and change what you need with the
 * withers, e.g. {@code EmulatorConfig.defaults().withHttps(false).withIdleTimeout(Duration.ofMinutes(1))}.
 *
 * @param bindAddress       the address to listen on; default the loopback address
 * @param port              the TCP port; default 0 = any free port
 * @param https             HTTPS with the bundled test certificate (default) or plain HTTP
 * @param idleTimeout       a session dies this long after its last login or refresh (spec §3.5); default 30 min
 * @param maxSessionAge     a session dies this long after login, whatever happens; reported as {@code sessionTTl};
 *                          default 8 h
 * @param secondLogin       what a login of a user whose session is live does (spec §3.5): ends that session
 *                          ({@link SecondLogin#KICK_OUT}, the default), is refused with 429 ({@link SecondLogin#REFUSE}),
 *                          or both live on ({@link SecondLogin#ALLOW})
 * @param loginLimit        login attempts (right or wrong) allowed per user within {@code loginWindow}; more are
 *                          answered 429 with {@code Retry-After: 5}; default 10
 * @param loginWindow       the sliding window of the login limit; default 1 min
 * @param accounts          the accounts served; default only {@link DemoAccount#account()}; ids are unique
 * @param maxBodyBytes      larger request bodies are answered 413; default 64 KiB
 * @param oauth1Refused     whether a bot login with an OAuth1 key set is answered 401 whatever its keys, as the
 *                          service may since LivePerson ended OAuth1 bot login (spec §5); default off
 */
public record EmulatorConfig(InetAddress bindAddress, int port, boolean https, Duration idleTimeout,
                             Duration maxSessionAge, SecondLogin secondLogin, int loginLimit,
                             Duration loginWindow, List<EmulatorAccount> accounts, int maxBodyBytes,
                             boolean oauth1Refused) {

    /** Validates every value; the messages name the offending setting. */
    public EmulatorConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(secondLogin, "secondLogin");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 (any free port) to 65535, was " + port);
        }
        requirePositive(idleTimeout, "idleTimeout");
        requirePositive(maxSessionAge, "maxSessionAge");
        requirePositive(loginWindow, "loginWindow");
        if (loginLimit < 1) {
            throw new IllegalArgumentException("loginLimit must be at least 1, was " + loginLimit);
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 1, was " + maxBodyBytes);
        }
        accounts = List.copyOf(Objects.requireNonNull(accounts, "accounts"));
        var ids = new HashSet<String>();
        for (EmulatorAccount account : accounts) {
            if (!ids.add(account.id())) {
                throw new IllegalArgumentException("account " + account.id() + " is configured twice");
            }
        }
    }

    /** HTTPS on a free loopback port, the demo account, LivePerson-like limits (see the component docs). */
    public static EmulatorConfig defaults() {
        return new EmulatorConfig(InetAddress.getLoopbackAddress(), 0, true, Duration.ofMinutes(30),
                Duration.ofHours(8), SecondLogin.KICK_OUT, 10, Duration.ofMinutes(1), List.of(DemoAccount.account()),
                64 * 1024, false);
    }

    /** A copy listening on this address; beyond loopback, admin endpoints still answer loopback clients only. */
    public EmulatorConfig withBindAddress(InetAddress value) {
        return new EmulatorConfig(value, port, https, idleTimeout, maxSessionAge, secondLogin, loginLimit,
                loginWindow, accounts, maxBodyBytes, oauth1Refused);
    }

    /** A copy on this port; 0 picks a free one. */
    public EmulatorConfig withPort(int value) {
        return new EmulatorConfig(bindAddress, value, https, idleTimeout, maxSessionAge, secondLogin,
                loginLimit, loginWindow, accounts, maxBodyBytes, oauth1Refused);
    }

    /** A copy serving HTTPS ({@code true}) or plain HTTP ({@code false}). */
    public EmulatorConfig withHttps(boolean value) {
        return new EmulatorConfig(bindAddress, port, value, idleTimeout, maxSessionAge, secondLogin,
                loginLimit, loginWindow, accounts, maxBodyBytes, oauth1Refused);
    }

    /** A copy whose sessions die this long after their last login or refresh. */
    public EmulatorConfig withIdleTimeout(Duration value) {
        return new EmulatorConfig(bindAddress, port, https, value, maxSessionAge, secondLogin, loginLimit,
                loginWindow, accounts, maxBodyBytes, oauth1Refused);
    }

    /** A copy whose sessions die this long after login, reported as {@code sessionTTl}. */
    public EmulatorConfig withMaxSessionAge(Duration value) {
        return new EmulatorConfig(bindAddress, port, https, idleTimeout, value, secondLogin, loginLimit,
                loginWindow, accounts, maxBodyBytes, oauth1Refused);
    }

    /** A copy where a login of a user whose session is live kicks that session out, is refused, or is allowed. */
    public EmulatorConfig withSecondLogin(SecondLogin value) {
        return new EmulatorConfig(bindAddress, port, https, idleTimeout, maxSessionAge, value, loginLimit,
                loginWindow, accounts, maxBodyBytes, oauth1Refused);
    }

    /** A copy that answers every OAuth1 bot login 401 ({@code true}), or checks its keys as before. */
    public EmulatorConfig withOAuth1Refused(boolean value) {
        return new EmulatorConfig(bindAddress, port, https, idleTimeout, maxSessionAge, secondLogin, loginLimit,
                loginWindow, accounts, maxBodyBytes, value);
    }

    /** At most {@code limit} logins per user within any {@code window}; more are answered 429. */
    public EmulatorConfig withLoginLimit(int limit, Duration window) {
        return new EmulatorConfig(bindAddress, port, https, idleTimeout, maxSessionAge, secondLogin, limit,
                window, accounts, maxBodyBytes, oauth1Refused);
    }

    /** Serves exactly these accounts (the demo account only if it is among them). */
    public EmulatorConfig withAccounts(List<EmulatorAccount> value) {
        return new EmulatorConfig(bindAddress, port, https, idleTimeout, maxSessionAge, secondLogin,
                loginLimit, loginWindow, value, maxBodyBytes, oauth1Refused);
    }

    /** Serves these accounts in addition to the ones already configured, e.g. {@link EmulatorAccount#load}. */
    public EmulatorConfig plusAccounts(List<EmulatorAccount> more) {
        var all = new ArrayList<>(accounts);
        all.addAll(more);
        return withAccounts(all);
    }

    /** A copy answering 413 to request bodies larger than this. */
    public EmulatorConfig withMaxBodyBytes(int value) {
        return new EmulatorConfig(bindAddress, port, https, idleTimeout, maxSessionAge, secondLogin,
                loginLimit, loginWindow, accounts, value, oauth1Refused);
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
