package dev.lplogin.adapter.storage;

import dev.lplogin.domain.port.StoreException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Mutual exclusion per lock file, between the threads of this JVM and between processes
 * ({@link FileChannel#tryLock()}). A busy lock is waited for up to a timeout, then reported as a retryable
 * {@link StoreException}.
 */
final class FileLocks {

    // Static: a JVM may hold only one OS lock per file (a second one throws OverlappingFileLockException, and closing
    // any channel on the file drops them all), so every thread of this JVM, in any store instance, queues here first.
    private static final ReentrantLock[] STRIPES = new ReentrantLock[64];
    private static final long POLL_MILLIS = 2;

    static {
        for (int i = 0; i < STRIPES.length; i++) {
            STRIPES[i] = new ReentrantLock();
        }
    }

    private final Duration timeout;

    FileLocks(Duration timeout) {
        this.timeout = timeout;
    }

    /** Runs {@code action} holding the lock on {@code lockFile} (created owner-only if missing). */
    <T> T withLock(Path lockFile, IoAction<T> action) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ReentrantLock stripe = STRIPES[Math.floorMod(lockFile.hashCode(), STRIPES.length)];
        try {
            if (!stripe.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw busy(lockFile);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + lockFile);
        }
        try (FileChannel channel = FileChannel.open(lockFile,
                Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                SafeFiles.ownerOnly(lockFile.getParent(), SafeFiles.OWNER_ONLY_FILE));
             FileLock lock = acquire(channel, lockFile, deadline)) {
            return action.run();
        } finally {
            stripe.unlock();
        }
    }

    private FileLock acquire(FileChannel channel, Path lockFile, long deadline) throws IOException {
        // tryLock in a loop rather than lock(): a stuck process must give a clear, retryable error, not a hang
        for (FileLock lock = channel.tryLock(); ; lock = channel.tryLock()) {
            if (lock != null) {
                return lock;
            }
            if (System.nanoTime() - deadline > 0) {
                throw busy(lockFile);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for " + lockFile);
            }
        }
    }

    private StoreException busy(Path lockFile) {
        return new StoreException("another thread or process has held " + lockFile + " for over "
                + timeout.toMillis() + " ms; try again (if it persists, look for a stuck lp-login process)",
                null, true);
    }
}
