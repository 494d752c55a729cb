package dev.lplogin.emulator.json;

import java.util.List;

/** The accounts file described in {@code dev.lplogin.emulator}'s package documentation: {@code {"accounts":[…]}}. */
public record AccountsFileJson(List<Account> accounts) {

    /** One account: {@code {"id":"…","users":[…]}}. */
    public record Account(String id, List<User> users) {
    }

    /** One user; any mix of password, oauth2 and oauth1, at least one. */
    public record User(String username, String password, OAuth2 oauth2, OAuth1 oauth1, Boolean blocked) {
        @Override
        public String toString() {
            return "User[username=" + username + ", secrets=***]";
        }
    }

    /** {@code {"clientId":"…","clientSecret":"…"}}. */
    public record OAuth2(String clientId, String clientSecret) {
        @Override
        public String toString() {
            return "OAuth2[clientId=" + clientId + ", clientSecret=***]";
        }
    }

    /** {@code {"appKey":"…","secret":"…","accessToken":"…","accessTokenSecret":"…"}}. */
    public record OAuth1(String appKey, String secret, String accessToken, String accessTokenSecret) {
        @Override
        public String toString() {
            return "OAuth1[appKey=" + appKey + ", secrets=***]";
        }
    }
}
