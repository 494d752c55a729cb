package dev.lplogin.emulator;

import dev.lplogin.emulator.json.AccountsFileJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Reads the accounts JSON file described in {@code dev.lplogin.emulator}'s package documentation. */
final class AccountsFile {

    private AccountsFile() {
    }

    /**
     * Reads and validates the file.
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it
     */
    static List<EmulatorAccount> read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read accounts file " + file + ": " + e.getMessage(), e);
        }
        try {
            var parsed = JsonCodec.read(bytes, AccountsFileJson.class, "{\"accounts\":[{\"id\":…,\"users\":[…]}]}");
            if (parsed.accounts() == null) {
                throw new IllegalArgumentException("it has no \"accounts\" array");
            }
            return parsed.accounts().stream().map(AccountsFile::toAccount).toList();
        } catch (Rejection | IllegalArgumentException e) {
            throw new IllegalArgumentException("accounts file " + file + " is invalid: " + e.getMessage(), e);
        }
    }

    private static EmulatorAccount toAccount(AccountsFileJson.Account json) {
        if (json == null || json.users() == null) {
            throw new IllegalArgumentException("every account needs an \"id\" and a \"users\" array");
        }
        return new EmulatorAccount(json.id(), json.users().stream().map(AccountsFile::toUser).toList());
    }

    private static EmulatorUser toUser(AccountsFileJson.User json) {
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
