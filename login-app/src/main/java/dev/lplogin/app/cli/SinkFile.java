package dev.lplogin.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Set;

/**
 * A file only its owner may read, replaced atomically, that one agent at a time owns: the agent's sinks (the bearer
 * alone on one line, or its JSON form), its key file and its sink pointers. A reader sees the old content or the new
 * one, never a half-written file: the content goes to a temporary file in the same directory, is flushed to disk,
 * and is renamed over the target. The directory is checked by {@link PrivateDirectory}.
 *
 * <p>One owner: {@link #claim()} takes an exclusive lock on a lock file beside it ({@code .NAME.lock}), held until the
 * process ends, so that a second agent given the same file refuses to start instead of overwriting — or, when it
 * stops, deleting — the running agent's file. The lock files stay: deleting one while another process waits on it
 * would let two owners lock two different files of the same name. A file found without an owner at claim time is
 * what a crashed agent left behind, and is removed. {@link #delete()} removes only what this process wrote.
 */
final class SinkFile {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;
    private final String what;
    private FileChannel lockFile;
    private FileLock lock;
    private volatile boolean written;

    private SinkFile(Path file, String what) {
        this.file = file;
        this.what = what;
    }

    /**
     * A {@code what} file (e.g. "sink") at {@code file}, creating its directory (mode 0700) if missing.
     *
     * @throws CliException (usage) if the directory is not private to this user (see {@link PrivateDirectory})
     */
    static SinkFile at(Path file, String what) {
        Path target = Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
        if (target.getParent() == null) {
            throw CliException.usage("the " + what + " cannot be the filesystem root", "give a file name");
        }
        PrivateDirectory.prepare(target.getParent(), what, target);
        if (Files.isDirectory(target)) {
            throw CliException.usage("the " + what + " " + target + " is a directory", "give a file name");
        }
        return new SinkFile(target, what);
    }

    /** The absolute path. */
    Path path() {
        return file;
    }

    /**
     * Makes this process the file's only owner (see the class comment), removing a crashed agent's leftover.
     *
     * @throws CliException if another process owns it: another agent runs with this file
     */
    synchronized void claim() {
        if (!tryClaim(5)) {
            throw new CliException(ExitCode.FAILURE, "another agent is running with the " + what + " " + file
                    + " (it holds " + lockPath() + ")", "stop that agent first, or give this one other files");
        }
        try {
            Files.deleteIfExists(file); // nobody owned it: a crashed agent's file, with a bearer that may be dead
        } catch (IOException e) {
            throw new CliException(ExitCode.FAILURE, "cannot remove the left-over " + what + " " + file + " ("
                    + PrivateDirectory.reason(e) + ")", "remove it by hand", e);
        }
    }

    /** Takes the lock if nobody holds it, in {@code attempts} tries 20 ms apart; whether it did. */
    private synchronized boolean tryClaim(int attempts) {
        if (lock != null) {
            return true;
        }
        try {
            FileChannel channel = FileChannel.open(lockPath(), Set.of(StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            for (int attempt = 0; attempt < attempts; attempt++) {
                FileLock taken;
                try {
                    taken = channel.tryLock();
                } catch (OverlappingFileLockException sameProcess) {
                    taken = null;
                }
                if (taken != null) {
                    lockFile = channel;
                    lock = taken;
                    return true;
                }
                if (attempt + 1 < attempts) {
                    Thread.sleep(20); // lp-login exec may be peeking at it (see ownedByAnother)
                }
            }
            channel.close();
            return false;
        } catch (IOException e) {
            throw new CliException(ExitCode.FAILURE, "cannot lock the " + what + " " + file + " ("
                    + PrivateDirectory.reason(e) + ")", "check that the directory is yours", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Whether another process owns {@code file} right now (a running agent), without creating anything: a quick
     * shared-nothing peek at its lock.
     */
    static boolean ownedByAnother(Path file) {
        Path lockPath = lockPath(file);
        if (!Files.isRegularFile(lockPath)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockPath, StandardOpenOption.WRITE)) {
            FileLock peek = channel.tryLock();
            if (peek == null) {
                return true;
            }
            peek.release();
            return false;
        } catch (OverlappingFileLockException sameProcess) {
            return false;
        } catch (IOException e) {
            return false; // an unreadable lock file locks nothing
        }
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
            written = true;
            syncDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + " (" + PrivateDirectory.reason(e) + ")", e);
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

    /** Whether this process wrote the file and it is gone (removed from outside): it should be written again. */
    boolean missing() {
        return written && !Files.exists(file);
    }

    /**
     * Removes the file if this process wrote it, and lets go of it; returns whether there was one to remove. Never
     * throws (used while stopping). A file another process owns is never touched.
     */
    boolean delete() {
        boolean removed = false;
        if (written) {
            try {
                removed = Files.deleteIfExists(file);
            } catch (IOException e) {
                removed = false;
            }
            written = false;
        }
        release();
        return removed;
    }

    private synchronized void release() {
        try {
            if (lockFile != null) {
                lockFile.close(); // releases the lock
            }
        } catch (IOException ignored) {
            // closing a lock file cannot lose anything
        }
        lockFile = null;
        lock = null;
    }

    private Path lockPath() {
        return lockPath(file);
    }

    private static Path lockPath(Path file) {
        return file.resolveSibling("." + file.getFileName() + ".lock");
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // not every file system lets a directory be opened for fsync; the rename is atomic either way
        }
    }
}
