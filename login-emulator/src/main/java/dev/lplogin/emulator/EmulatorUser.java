package dev.lplogin.emulator;

import java.util.Objects;
import java.util.Optional;

/**
 * A LivePerson user the emulator knows, with the credentials it accepts (spec §3.1). A user may accept any mix of
 * a password, OAuth2 client credentials and a legacy OAuth1 key set. Secrets are never printed by
 * {@link #toString()}. Build with {@link #withPassword}, {@link #oauth2Bot}, {@link #oauth1Bot} and the withers.
 *
 * @param username  the login name, not blank
 * @param password  the password a user login must present, if any
 * @param oauth2    the OAuth2 client an application login may present, if any
 * @param oauth1    the legacy OAuth1 key set an application login may present, if any
 * @param blocked   whether a login with valid credentials is answered 451 (blocked by LivePerson support)
 */
public record EmulatorUser(String username, Optional<String> password, Optional<OAuth2Client> oauth2,
                           Optional<OAuth1Keys> oauth1, boolean blocked) {

    /** OAuth2 client credentials: the login body's {@code appKey} and {@code secret}. */
    public record OAuth2Client(String clientId, String clientSecret) {
        /** Both values are required and not blank. */
        public OAuth2Client {
            requireText(clientId, "clientId");
            requireText(clientSecret, "clientSecret");
        }

        @Override
        public String toString() {
            return "OAuth2Client[clientId=" + clientId + ", clientSecret=***]";
        }
    }

    /** A legacy OAuth1 key set: {@code appKey}, {@code secret}, {@code accessToken}, {@code accessTokenSecret}. */
    public record OAuth1Keys(String appKey, String secret, String accessToken, String accessTokenSecret) {
        /** All four values are required and not blank. */
        public OAuth1Keys {
            requireText(appKey, "appKey");
            requireText(secret, "secret");
            requireText(accessToken, "accessToken");
            requireText(accessTokenSecret, "accessTokenSecret");
        }

        @Override
        public String toString() {
            return "OAuth1Keys[appKey=" + appKey + ", secret=***, accessToken=***, accessTokenSecret=***]";
        }
    }

    /** Requires a username and at least one way to log in. */
    public EmulatorUser {
        requireText(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(oauth2, "oauth2");
        Objects.requireNonNull(oauth1, "oauth1");
        password.ifPresent(value -> requireText(value, "password"));
        if (password.isEmpty() && oauth2.isEmpty() && oauth1.isEmpty()) {
            throw new IllegalArgumentException(
                    "user '" + username + "' needs a password, an oauth2 client or oauth1 keys to log in with");
        }
    }

    /** A person who logs in with a password. */
    public static EmulatorUser withPassword(String username, String password) {
        return new EmulatorUser(username, Optional.of(password), Optional.empty(), Optional.empty(), false);
    }

    /** A bot user that logs in with OAuth2 client credentials. */
    public static EmulatorUser oauth2Bot(String username, String clientId, String clientSecret) {
        return new EmulatorUser(username, Optional.empty(), Optional.of(new OAuth2Client(clientId, clientSecret)),
                Optional.empty(), false);
    }

    /** A bot user that logs in with a legacy OAuth1 key set. */
    public static EmulatorUser oauth1Bot(String username, String appKey, String secret, String accessToken,
                                         String accessTokenSecret) {
        return new EmulatorUser(username, Optional.empty(), Optional.empty(),
                Optional.of(new OAuth1Keys(appKey, secret, accessToken, accessTokenSecret)), false);
    }

    /** This user, blocked: valid logins are answered 451. */
    public EmulatorUser asBlocked() {
        return new EmulatorUser(username, password, oauth2, oauth1, true);
    }

    @Override
    public String toString() {
        return "EmulatorUser[username=" + username + ", password=" + password.map(p -> "***").orElse("none")
                + ", oauth2=" + oauth2.map(Object::toString).orElse("none")
                + ", oauth1=" + oauth1.map(Object::toString).orElse("none") + ", blocked=" + blocked + "]";
    }

    static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be null or blank");
        }
    }
}
