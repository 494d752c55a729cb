package dev.lplogin.app.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The directory of an agent file (sink, JSON sink, key file, sink pointer): one that only its owner may change, as
 * {@code ssh} demands of {@code ~/.ssh}. Whoever may write the directory, or any directory above it, may replace the
 * file with one of their own (or a symlink) between two rewrites: a reader would then send a bearer of their choosing,
 * or the agent would write the bearer where they can read it.
 *
 * <p>The rules, checked on the real path (symlinks resolved): the directory and every directory above it belong to
 * this user or to root; the directory itself may be written by its owner alone; a directory above it may be writable
 * by others only with the sticky bit (e.g. {@code /tmp}), where nobody else can rename or remove an entry that is
 * not theirs. A missing directory is created with mode 0700 — but never right under the filesystem root, which is
 * where {@code "$XDG_RUNTIME_DIR/lp-login/bearer"} lands when the variable is unset.
 */
final class PrivateDirectory {

    private static final int GROUP_OR_OTHERS_WRITE = 0022;
    private static final int STICKY = 01000;
    private static final int ROOT = 0;

    private PrivateDirectory() {
    }

    /**
     * Creates {@code dir} if missing and checks it for a {@code what} file (e.g. "sink") at {@code file}.
     *
     * @throws CliException (usage) if the directory or one above it is not safe, naming it and what to do
     */
    static void prepare(Path dir, String what, Path file) {
        try {
            if (!Files.isDirectory(dir)) {
                if (dir.getParent() != null && dir.getParent().getParent() == null) {
                    throw CliException.usage("refusing to create " + dir + " at the filesystem root for the " + what
                            + " " + file + " (is $XDG_RUNTIME_DIR unset? \"$XDG_RUNTIME_DIR/lp-login/…\" then "
                            + "becomes \"/lp-login/…\")", "give a path in a directory of your own, e.g. "
                            + "~/.local/state/lp-login/" + file.getFileName() + ", or set XDG_RUNTIME_DIR");
                }
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
            Path real = dir.toRealPath();
            // elsewhere than on Linux: as if the directory's owner ran this, so that only the write bits count
            int me = currentUid().orElse((Integer) Files.getAttribute(real, "unix:uid"));
            Optional<Unsafe> unsafe = unsafe(real, me);
            if (unsafe.isPresent()) {
                throw CliException.usage("refusing to write the " + what + " " + file + ": "
                        + unsafe.get().message(), unsafe.get().hint());
            }
        } catch (IOException e) {
            throw new CliException(ExitCode.FAILURE, "cannot prepare the directory of the " + what + " " + file
                    + " (" + reason(e) + ")", "check that the path is right and yours", e);
        }
    }

    /** Why a file in {@code realDir} would not be safe for the user {@code uid}, if it would not. */
    static Optional<Unsafe> unsafe(Path realDir, int uid) throws IOException {
        for (Path dir = realDir; dir != null; dir = dir.getParent()) {
            int owner = (Integer) Files.getAttribute(dir, "unix:uid");
            int mode = (Integer) Files.getAttribute(dir, "unix:mode");
            if (owner != uid && owner != ROOT) {
                return Optional.of(new Unsafe("the directory " + dir + " belongs to another user (uid " + owner
                        + "), who could swap the file", "choose a directory only you (or root) own all the way up, "
                        + "e.g. under $XDG_RUNTIME_DIR or your home"));
            }
            boolean othersWrite = (mode & GROUP_OR_OTHERS_WRITE) != 0;
            if (othersWrite && (dir.equals(realDir) || (mode & STICKY) == 0)) {
                boolean mine = owner == uid && (mode & STICKY) == 0;
                return Optional.of(new Unsafe("the directory " + dir + " may be written by others ("
                        + symbolic(mode) + ")", "choose a directory only you can write, e.g. "
                        + "under $XDG_RUNTIME_DIR or ~/.local/state (a missing one is created with mode 0700)"
                        + (mine ? ", or 'chmod go-w " + dir + "'" : "")));
            }
        }
        return Optional.empty();
    }

    /** Why a directory is refused, and what to do. */
    record Unsafe(String message, String hint) {
    }

    /** This process's user id ({@code /proc/self} belongs to it), if the platform says. */
    static Optional<Integer> currentUid() {
        try {
            return Optional.of((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.empty(); // not Linux: the permission check of the directory itself still holds
        }
    }

    /** {@code rwxr-x---} for the permission bits of {@code mode}, as {@code ls} shows them. */
    private static String symbolic(int mode) {
        StringBuilder text = new StringBuilder();
        for (int bit = 8; bit >= 0; bit--) {
            text.append((mode & (1 << bit)) == 0 ? '-' : "rwx".charAt((8 - bit) % 3));
        }
        return text.toString();
    }

    static String reason(IOException e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? "an input/output error" : e.getMessage();
    }
}
