package dev.lplogin.adapter.storage;

import dev.lplogin.domain.port.StoreException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.Map;

/** Where the file store lives, and the checks that keep other users out of it. */
final class StoreDirectory {

    static final String DIRECTORY_VARIABLE = "LP_STORE";

    private StoreDirectory() {
    }

    /** {@code $LP_STORE}, else {@code $XDG_STATE_HOME/lp-login}, else {@code <home>/.local/state/lp-login}. */
    static Path resolve(Map<String, String> env, Path home) {
        String store = env.get(DIRECTORY_VARIABLE);
        if (store != null && !store.isBlank()) {
            return toPath(store, DIRECTORY_VARIABLE).toAbsolutePath();
        }
        String stateHome = env.get("XDG_STATE_HOME");
        // the XDG Base Directory spec says relative values are invalid and must be ignored
        if (stateHome != null && !stateHome.isBlank() && toPath(stateHome, "XDG_STATE_HOME").isAbsolute()) {
            return Path.of(stateHome, "lp-login");
        }
        return home.resolve(".local").resolve("state").resolve("lp-login");
    }

    /**
     * Creates {@code directory} (0700) if missing, refuses it if others could write to it, and returns its real path.
     *
     * @throws StoreException if it cannot be created, is not a directory, or is unsafe (the message says the fix)
     */
    static Path prepare(Path requested) {
        Path directory = requested.toAbsolutePath();
        try {
            if (directory.getParent() != null) {
                Files.createDirectories(directory.getParent());
            }
            try {
                Files.createDirectory(directory, SafeFiles.ownerOnly(directory, SafeFiles.OWNER_ONLY_DIRECTORY));
            } catch (FileAlreadyExistsException e) {
                // an existing directory is fine if it passes the checks below
            }
            Path real = directory.toRealPath();
            if (!Files.isDirectory(real)) {
                throw unsafe(directory + " is not a directory; set " + DIRECTORY_VARIABLE + " to a directory");
            }
            if (SafeFiles.isPosix(real)) {
                check(real, currentUser(real));
            }
            return real;
        } catch (IOException e) {
            throw new StoreException("cannot create or open the store directory " + directory + " ("
                    + IoProblems.describe(e) + "); check its permissions or set " + DIRECTORY_VARIABLE, e, false);
        }
    }

    /** Refuses a directory that {@code me} does not own, or that group or others may write to. */
    static void check(Path directory, UserPrincipal me) throws IOException {
        PosixFileAttributes attributes = Files.readAttributes(directory, PosixFileAttributes.class);
        if (!attributes.owner().equals(me)) {
            throw unsafe("the store directory " + directory + " is owned by " + attributes.owner().getName()
                    + ", not by you (" + me.getName() + "), so that user could read or replace your sessions. Use a"
                    + " directory you own: set " + DIRECTORY_VARIABLE + " to one, or unset it for the default");
        }
        var permissions = attributes.permissions();
        if (permissions.contains(PosixFilePermission.GROUP_WRITE)
                || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw unsafe("the store directory " + directory + " is writable by group or others ("
                    + PosixFilePermissions.toString(permissions) + "), so other users could replace your sessions."
                    + " Fix it with: chmod 700 " + directory);
        }
    }

    /** The user this process runs as, in the form the file system reports owners. */
    private static UserPrincipal currentUser(Path directory) throws IOException {
        try {
            return directory.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name"));
        } catch (UserPrincipalNotFoundException e) {
            // no passwd entry for our uid (some containers): ask the OS who owns a file we create
            Path probe = Files.createTempFile("lp-login-owner", ".probe");
            try {
                return Files.getOwner(probe);
            } finally {
                Files.deleteIfExists(probe);
            }
        }
    }

    private static Path toPath(String value, String variable) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw unsafe(variable + " is not a valid path: " + e.getReason());
        }
    }

    private static StoreException unsafe(String message) {
        return new StoreException(message, null, false);
    }
}
