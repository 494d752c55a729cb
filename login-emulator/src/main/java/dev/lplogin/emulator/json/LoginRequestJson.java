package dev.lplogin.emulator.json;

/**
 * The login body (spec §3.1): {@code username} with either {@code password}, or {@code appKey}, {@code secret},
 * {@code accessToken} and {@code accessTokenSecret} (OAuth2 when both tokens are the literal {@code "dummy"}).
 */
public record LoginRequestJson(String username, String password, String appKey, String secret, String accessToken,
                        String accessTokenSecret) {

    @Override
    public String toString() {
        return "LoginRequestJson[username=" + username + ", secrets=***]";
    }
}
