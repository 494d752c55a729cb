package dev.lplogin.emulator.server;

/**
 * The login body (spec §3.1): {@code username} with either {@code password}, or {@code appKey}, {@code secret},
 * {@code accessToken} and {@code accessTokenSecret} (OAuth2 when both tokens are the literal {@code "dummy"}).
 */
public record LoginRequestJson(String username, String password, String appKey, String secret, String accessToken,
                        String accessTokenSecret) {

    /** The literal OAuth2 client-credential logins send as access token and access token secret. */
    static final String OAUTH2_DUMMY = "dummy";

    boolean hasAppFields() {
        return appKey != null || secret != null || accessToken != null || accessTokenSecret != null;
    }

    boolean hasAllAppFields() {
        return appKey != null && secret != null && accessToken != null && accessTokenSecret != null;
    }

    boolean isOAuth2() {
        return OAUTH2_DUMMY.equals(accessToken) && OAUTH2_DUMMY.equals(accessTokenSecret);
    }

    @Override
    public String toString() {
        return "LoginRequestJson[username=" + username + ", secrets=***]";
    }
}
