package dev.lplogin.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Set;

/**
 * A file only its owner may read, replaced atomically: the agent's sinks (the bearer alone on one line, or its JSON
 * form) and its key file. A reader sees the old content or the new one, never a half-written file: the content goes
 * to a temporary file in the same directory, is flushed to disk, and is renamed over the target.
 *
 * <p>Why the directory check: whoever may write the directory may replace the file with one of their own (or a
 * symlink to it) between two rewrites, and a reader would then send a bearer of the attacker's choosing — or the
 * agent would write the bearer where the attacker can read it. So a directory that group or others may write
 * (e.g. {@code /tmp}, even with its sticky bit) is refused.
 */
final class SinkFile {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private final Path file;

    private SinkFile(Path file) {
        this.file = file;
    }

    /**
     * A sink at {@code file}, creating its directory (mode 0700) if missing.
     *
     * @throws CliException (usage) if the directory may be written by group or others, or cannot be created
     */
    static SinkFile at(Path file, String what) {
        Path target = Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
        Path dir = target.getParent();
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
            }
            PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
            if (view != null) {
                Set<PosixFilePermission> permissions = view.readAttributes().permissions();
                if (permissions.contains(PosixFilePermission.GROUP_WRITE)
                        || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
                    throw CliException.usage("refusing to write the " + what + " " + target + ": its directory "
                            + dir + " may be written by others (" + PosixFilePermissions.toString(permissions) + ")",
                            "choose a directory only you can write (e.g. under $XDG_RUNTIME_DIR or your home), or "
                                    + "'chmod go-w " + dir + "'");
                }
            }
            if (Files.isDirectory(target)) {
                throw CliException.usage("the " + what + " " + target + " is a directory", "give a file name");
            }
        } catch (IOException e) {
            throw new CliException(ExitCode.FAILURE, "cannot prepare the directory of the " + what + " " + target
                    + " (" + reason(e) + ")", "check that the path is right and yours", e);
        }
        return new SinkFile(target);
    }

    /** The absolute path. */
    Path path() {
        return file;
    }

    /**
     * Replaces the content with {@code content} (mode 0600): temporary file in the same directory, fsync, rename,
     * then an fsync of the directory so that the rename itself survives a crash.
     *
     * @throws UncheckedIOException if it cannot be written (the message names the file, never the content)
     */
    void write(String content) {
        Path dir = file.getParent();
        Path temp = null;
        try {
            temp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp",
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system cannot rename atomically", e);
            }
            temp = null;
            syncDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + " (" + reason(e) + ")", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort: a left-over temp file is owner-only and holds nothing the target did not
                }
            }
        }
    }

    /** Removes the file; returns whether there was one. Never throws (used while stopping). */
    boolean delete() {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            return false;
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // not every file system lets a directory be opened for fsync; the rename is atomic either way
        }
    }

    private static String reason(IOException e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? "an input/output error" : e.getMessage();
    }
}
