package dev.lplogin.emulator.server;

import dev.lplogin.emulator.EmulatorAccount;
import dev.lplogin.emulator.EmulatorUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Reads the accounts JSON file described in {@code dev.lplogin.emulator}'s package documentation. */
public final class AccountsFile {

    /** The file: {@code {"accounts":[…]}}. */
    public record FileJson(List<AccountJson> accounts) {
    }

    /** One account: {@code {"id":"…","users":[…]}}. */
    public record AccountJson(String id, List<UserJson> users) {
    }

    /** One user; any mix of password, oauth2 and oauth1, at least one. */
    public record UserJson(String username, String password, OAuth2Json oauth2, OAuth1Json oauth1, Boolean blocked) {
        @Override
        public String toString() {
            return "UserJson[username=" + username + ", secrets=***]";
        }
    }

    /** {@code {"clientId":"…","clientSecret":"…"}}. */
    public record OAuth2Json(String clientId, String clientSecret) {
        @Override
        public String toString() {
            return "OAuth2Json[clientId=" + clientId + ", clientSecret=***]";
        }
    }

    /** {@code {"appKey":"…","secret":"…","accessToken":"…","accessTokenSecret":"…"}}. */
    public record OAuth1Json(String appKey, String secret, String accessToken, String accessTokenSecret) {
        @Override
        public String toString() {
            return "OAuth1Json[appKey=" + appKey + ", secrets=***]";
        }
    }

    private AccountsFile() {
    }

    /**
     * Reads and validates the file.
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it
     */
    public static List<EmulatorAccount> read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read accounts file " + file + ": " + e.getMessage(), e);
        }
        try {
            var parsed = Json.read(bytes, FileJson.class, "{\"accounts\":[{\"id\":…,\"users\":[…]}]}");
            if (parsed.accounts() == null) {
                throw new IllegalArgumentException("it has no \"accounts\" array");
            }
            return parsed.accounts().stream().map(AccountsFile::toAccount).toList();
        } catch (Rejection | IllegalArgumentException e) {
            throw new IllegalArgumentException("accounts file " + file + " is invalid: " + e.getMessage(), e);
        }
    }

    private static EmulatorAccount toAccount(AccountJson json) {
        if (json == null || json.users() == null) {
            throw new IllegalArgumentException("every account needs an \"id\" and a \"users\" array");
        }
        return new EmulatorAccount(json.id(), json.users().stream().map(AccountsFile::toUser).toList());
    }

    private static EmulatorUser toUser(UserJson json) {
        if (json == null) {
            throw new IllegalArgumentException("a user entry is null");
        }
        return new EmulatorUser(json.username(), Optional.ofNullable(json.password()),
                Optional.ofNullable(json.oauth2())
                        .map(o -> new EmulatorUser.OAuth2Client(o.clientId(), o.clientSecret())),
                Optional.ofNullable(json.oauth1())
                        .map(o -> new EmulatorUser.OAuth1Keys(o.appKey(), o.secret(), o.accessToken(),
                                o.accessTokenSecret())),
                Boolean.TRUE.equals(json.blocked()));
    }
}
