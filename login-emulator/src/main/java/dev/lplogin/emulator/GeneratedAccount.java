package dev.lplogin.emulator;

import java.util.ArrayList;
import java.util.List;

/**
 * An account of many generated password users, for load tests and benchmarks that need thousands of distinct
 * sessions (LivePerson allows one live session per user). User {@code i} (1-based) is {@link #username(int)
 * user-i} with the password {@link #password(int) password-i}: public test data, not secrets.
 *
 * <pre>{@code
 * EmulatorConfig config = EmulatorConfig.defaults().plusAccounts(List.of(GeneratedAccount.of(10_000)));
 * }</pre>
 *
 * The command line's {@code lp-login emulator --generated-users N} serves the same account.
 */
public final class GeneratedAccount {

    /** The id of the generated account; distinct from {@link DemoAccount#ACCOUNT_ID}. */
    public static final String ACCOUNT_ID = "10000001";

    /** More users than this would only exhaust memory; 1,000,000 is far beyond any one-machine test. */
    public static final int MAX_USERS = 1_000_000;

    private GeneratedAccount() {
    }

    /**
     * The account {@link #ACCOUNT_ID} with {@code users} password users {@code user-1 … user-N}.
     *
     * @throws IllegalArgumentException if {@code users} is not between 1 and {@link #MAX_USERS}
     */
    public static EmulatorAccount of(int users) {
        if (users < 1 || users > MAX_USERS) {
            throw new IllegalArgumentException(
                    "the number of generated users must be 1 to " + MAX_USERS + ", was " + users);
        }
        List<EmulatorUser> all = new ArrayList<>(users);
        for (int i = 1; i <= users; i++) {
            all.add(EmulatorUser.withPassword(username(i), password(i)));
        }
        return new EmulatorAccount(ACCOUNT_ID, all);
    }

    /** The login name of generated user {@code i} (1-based): {@code user-i}. */
    public static String username(int i) {
        return "user-" + i;
    }

    /** The password of generated user {@code i} (1-based): {@code password-i}. */
    public static String password(int i) {
        return "password-" + i;
    }
}
