package dev.lplogin.emulator;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A LivePerson account (site) the emulator serves, with its users.
 *
 * @param id    the account id as it appears in paths, e.g. {@code 12345678}: letters, digits, {@code -} or {@code _}
 * @param users the users of this account; usernames are unique within the account
 */
public record EmulatorAccount(String id, List<EmulatorUser> users) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** Validates the id and that usernames are unique; copies the list. */
    public EmulatorAccount {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "account id must be 1-64 letters, digits, '-' or '_' (e.g. 12345678), was '" + id + "'");
        }
        users = List.copyOf(Objects.requireNonNull(users, "users"));
        var names = new HashSet<String>();
        for (EmulatorUser user : users) {
            if (!names.add(user.username())) {
                throw new IllegalArgumentException(
                        "account " + id + " lists user '" + user.username() + "' twice");
            }
        }
    }

    /** The user with this login name, if the account has one. */
    public Optional<EmulatorUser> user(String username) {
        return users.stream().filter(user -> user.username().equals(username)).findFirst();
    }

    /**
     * Reads accounts from a JSON file; the format is described in the {@linkplain dev.lplogin.emulator package
     * documentation}.
     *
     * @throws IllegalArgumentException if the file cannot be read or is not in that format; the message says where
     */
    public static List<EmulatorAccount> load(Path file) {
        return AccountsFile.read(file);
    }
}
