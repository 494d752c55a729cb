package dev.lplogin.domain.model;

import java.util.Objects;

/**
 * What a login presents to the Login Service (spec §3.1). One case per kind of login, each a record whose secrets are
 * {@link Secret}s, so {@code toString()} never shows them.
 *
 * <p>Credentials are held in memory only, for re-login; no port ever persists them.
 */
public sealed interface Credentials {

    /** The login name of the user, or of the bot user an application key belongs to. */
    String username();

    /** A person's (or a bot's) user name and password. */
    record UserPassword(String username, Secret password) implements Credentials {
        public UserPassword {
            Validation.text(username, "username", 256);
            Objects.requireNonNull(password, "password");
        }
    }

    /**
     * An application login with OAuth2 client credentials, the form LivePerson recommends for bots. On the wire it is
     * sent with the literal {@code "dummy"} as access token and access token secret (spec §3.1); that is a detail of
     * the gateway, not of this type.
     */
    record OAuth2Client(String username, String clientId, Secret clientSecret) implements Credentials {
        public OAuth2Client {
            Validation.text(username, "username", 256);
            Validation.text(clientId, "client id", 256);
            Objects.requireNonNull(clientSecret, "client secret");
        }
    }

    /**
     * A legacy OAuth1 API key set. LivePerson ended support on 30 Sep 2025 and announced its end of life for 2026;
     * migrate to {@link OAuth2Client}.
     *
     * @deprecated use {@link OAuth2Client}
     */
    @Deprecated(since = "0.1")
    record LegacyOAuth1(String username, String appKey, Secret appSecret, Secret accessToken, Secret accessTokenSecret)
            implements Credentials {
        public LegacyOAuth1 {
            Validation.text(username, "username", 256);
            Validation.text(appKey, "app key", 256);
            Objects.requireNonNull(appSecret, "app secret");
            Objects.requireNonNull(accessToken, "access token");
            Objects.requireNonNull(accessTokenSecret, "access token secret");
        }
    }
}
