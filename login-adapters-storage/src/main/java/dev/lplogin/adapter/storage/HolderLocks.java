package dev.lplogin.adapter.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The OS locks that lease holders of this JVM keep on their keys' {@code .held} files for the life of a lease. The
 * kernel drops such a lock when its process dies, so another process that finds an unexpired lease whose
 * {@code .held} file it can lock knows the holder is dead and may take over at once instead of waiting for the lease
 * to expire.
 *
 * <p>JVM-wide (static), because a JVM may hold only one OS lock per file and closing any channel on a file can drop
 * all of the JVM's locks on it: a file locked here is never opened a second time by this JVM. Callers hold the key's
 * store lock ({@link FileLocks}), which orders every use of one file.
 */
final class HolderLocks {

    private record Held(String token, FileChannel channel, FileLock lock) {
    }

    private static final ConcurrentMap<Path, Held> HELD = new ConcurrentHashMap<>();

    private HolderLocks() {
    }

    /** Whether a lease holder in this JVM holds {@code file}'s lock (the holder is alive, whoever's lease it is). */
    static boolean heldHere(Path file) {
        return HELD.containsKey(file);
    }

    /**
     * Takes {@code file}'s lock for the lease {@code token}, if no process holds it.
     *
     * @return whether it was taken; {@code false} means a live process holds it
     */
    static boolean take(Path file, String token) throws IOException {
        if (heldHere(file)) {
            return false;
        }
        FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                SafeFiles.ownerOnly(file.getParent(), SafeFiles.OWNER_ONLY_FILE));
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            return false;
        }
        HELD.put(file, new Held(token, channel, lock));
        return true;
    }

    /** Lets go of {@code file}'s lock if this JVM holds it for {@code token}. */
    static void drop(Path file, String token) throws IOException {
        Optional<Held> held = Optional.ofNullable(HELD.get(file)).filter(h -> h.token().equals(token));
        if (held.isPresent() && HELD.remove(file, held.get())) {
            held.get().channel().close(); // releases the lock with it
        }
    }

    /** Lets go of {@code file}'s lock whoever in this JVM holds it: that holder's lease has ended. */
    static void dropAny(Path file) throws IOException {
        Held held = HELD.remove(file);
        if (held != null) {
            held.channel().close();
        }
    }
}
