package dev.lplogin.domain.model;

import java.util.Objects;

/**
 * Identifies one session: an account and the login name of the user (or bot user) logged in to it. LivePerson allows
 * one live session per user, so this is also the unit of single-flight, storage and leases.
 *
 * @param account   the account; never null
 * @param loginName the user's login name; 1–256 characters, not blank, no control characters
 */
public record SessionKey(AccountId account, String loginName) {

    public SessionKey {
        Objects.requireNonNull(account, "account");
        Validation.text(loginName, "login name", 256);
    }

    public static SessionKey of(String account, String loginName) {
        return new SessionKey(new AccountId(account), loginName);
    }

    /** {@code account/loginName}, e.g. {@code 12345678/demo}. */
    @Override
    public String toString() {
        return account + "/" + loginName;
    }
}
