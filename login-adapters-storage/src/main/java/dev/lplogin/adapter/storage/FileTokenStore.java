package dev.lplogin.adapter.storage;

import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.Lease;
import dev.lplogin.domain.port.SaveResult;
import dev.lplogin.domain.port.StoreException;
import dev.lplogin.domain.port.TokenStore;
import java.io.IOException;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The embedded default {@link TokenStore}: one file per session in a directory only its owner can use, so that
 * sessions survive a restart and are shared by the processes of one user on one machine.
 *
 * <p><b>Layout.</b> For a key, {@code <h>.json} holds the session, {@code <h>.lease} the latest lease (kept after
 * release, for its fence), {@code <h>.lock} is the lock file and {@code <h>.held} the file a lease holder keeps
 * locked for the lease's life (so a holder's death is seen at once, see {@link HolderLocks}), where {@code <h>} is the hex SHA-256 of {@code account/loginName} (the key itself is inside the
 * JSON). Files are created 0600 and a new directory 0700; a directory that group or others may write to, or that
 * another user owns, is refused.
 *
 * <p><b>Safety.</b> Every write goes to a temp file in the same directory, is forced to disk and atomically renamed
 * into place, so a crash leaves the old or the new session, never a part. Compare-and-set, delete and leases hold an
 * OS file lock on the key's lock file across read-compare-write, so they are atomic between threads and processes.
 * A file that cannot be parsed is moved aside to {@code <file>.corrupt-<UTC timestamp>} with a warning naming it;
 * other keys are unaffected.
 *
 * <p><b>Encryption.</b> With an {@link EncryptionKey}, each session is sealed with AES-256-GCM (random IV per write,
 * the key as associated data). A wrong key or a modified file is a non-retryable {@link StoreException} naming the
 * file, never a wrong session and never "nothing stored"; a plaintext file is refused (moved aside), never adopted.
 * Without a key, files are plaintext protected by their 0600 permissions only. Copies of unreadable files are deleted
 * after {@link #CORRUPT_COPY_LIFETIME}. {@link #forDomainApi} ties a store to the Domain API its sessions come from.
 *
 * <p>Thread-safe and process-safe. Nulls are rejected with {@link NullPointerException}. Failures are
 * {@link StoreException}s; a busy lock (over {@value #LOCK_TIMEOUT_SECONDS} s) is retryable.
 */
public final class FileTokenStore implements TokenStore {

    /** Environment variable that names the store directory. */
    public static final String DIRECTORY_VARIABLE = StoreDirectory.DIRECTORY_VARIABLE;
    /** How long an operation waits for another holder of a key's lock before it fails (retryable). */
    public static final int LOCK_TIMEOUT_SECONDS = 10;
    /**
     * How long a copy of an unreadable session file ({@code <file>.corrupt-<UTC timestamp>}) is kept before a store
     * opening the directory, or moving another file aside, deletes it: long enough to look at, and longer than any
     * LivePerson session lives, so that a bearer in clear in it is dead by then.
     */
    public static final Duration CORRUPT_COPY_LIFETIME = Duration.ofHours(24);

    private static final Logger LOG = Logger.getLogger(FileTokenStore.class.getName());
    private static final Pattern SESSION_FILE = Pattern.compile("[0-9a-f]{64}\\.json");
    // a session file is a few KB; anything far larger is not ours, and must not be read into memory whole
    private static final long MAX_RECORD_BYTES = 1 << 20;

    private final Path directory;
    private final RecordCodec codec;
    private final InstantSource clock;
    private final FileLocks locks = new FileLocks(Duration.ofSeconds(LOCK_TIMEOUT_SECONDS));

    private FileTokenStore(Path directory, RecordCodec codec, InstantSource clock) {
        this.directory = directory;
        this.codec = codec;
        this.clock = clock;
    }

    /**
     * A plaintext store in {@code directory}, created (0700) if missing.
     *
     * @param clock judges lease expiry and stamps moved-aside files
     * @throws StoreException if the directory cannot be created or is unsafe (the message says how to fix it)
     */
    public static FileTokenStore open(Path directory, InstantSource clock) {
        return create(directory, Optional.empty(), clock);
    }

    /**
     * A store in {@code directory} that encrypts sessions with {@code key}.
     *
     * @throws StoreException if the directory cannot be created or is unsafe
     */
    public static FileTokenStore open(Path directory, EncryptionKey key, InstantSource clock) {
        return create(directory, Optional.of(Objects.requireNonNull(key, "key")), clock);
    }

    /**
     * The store as the environment configures it: the directory of {@link #defaultDirectory}, encrypted if
     * {@value EncryptionKey#KEY_VARIABLE} or {@value EncryptionKey#KEY_FILE_VARIABLE} is set. This is what the CLI
     * uses: {@code FileTokenStore.fromEnvironment(System.getenv(), Path.of(System.getProperty("user.home")),
     * InstantSource.system())}.
     *
     * @throws StoreException if the directory is unsafe or the key is invalid
     */
    public static FileTokenStore fromEnvironment(Map<String, String> env, Path home, InstantSource clock) {
        return create(defaultDirectory(env, home), EncryptionKey.fromEnvironment(env), clock);
    }

    /**
     * The directory the environment selects: {@code $LP_STORE}, else {@code $XDG_STATE_HOME/lp-login} (if absolute),
     * else {@code <home>/.local/state/lp-login}. Does not touch the file system.
     */
    public static Path defaultDirectory(Map<String, String> env, Path home) {
        return StoreDirectory.resolve(Objects.requireNonNull(env, "env"), Objects.requireNonNull(home, "home"));
    }

    private static FileTokenStore create(Path directory, Optional<EncryptionKey> key, InstantSource clock) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(clock, "clock");
        FileTokenStore store = new FileTokenStore(StoreDirectory.prepare(directory), new RecordCodec(key), clock);
        store.deleteOldCorruptCopies();
        return store;
    }

    /**
     * A store on the same directory, with the same key, whose sessions are those obtained through the Domain API at
     * {@code domainApi}: they are named and sealed with that base, so that a client of one Domain API (LivePerson, an
     * emulator, a test environment) is never handed a session obtained through another. Sessions of other bases (and
     * of untied stores) stay in the directory, untouched and unlisted.
     */
    public FileTokenStore forDomainApi(URI domainApi) {
        Objects.requireNonNull(domainApi, "domain API");
        return new FileTokenStore(directory, new RecordCodec(codec.key(), Optional.of(domainApi)), clock);
    }

    /** The (real) directory this store keeps its files in. */
    public Path directory() {
        return directory;
    }

    /** Whether sessions are encrypted at rest. */
    public boolean encrypted() {
        return codec.encrypts();
    }

    @Override
    public Optional<Session> load(SessionKey key) {
        String name = codec.nameOf(Objects.requireNonNull(key, "key"));
        return io("read the session of " + key, () -> read(name));
    }

    @Override
    public SaveResult save(Session session, long expectedVersion) {
        Objects.requireNonNull(session, "session");
        return compareAndSet(session, expectedVersion, Optional.empty());
    }

    @Override
    public SaveResult save(Session session, long expectedVersion, Lease lease) {
        Leases.requireSameKey(session, lease);
        return compareAndSet(session, expectedVersion, Optional.of(lease));
    }

    private SaveResult compareAndSet(Session session, long expectedVersion, Optional<Lease> fence) {
        String name = codec.nameOf(session.key());
        return io("save the session of " + session.key(), () -> locks.withLock(lockFile(name), () -> {
            Optional<Session> current = readLocked(name);
            if (fence.isPresent() && readLease(session.key(), name)
                    .filter(latest -> Leases.superseded(fence.get(), latest.grant().lease().fence())).isPresent()) {
                return new SaveResult.Fenced(current);
            }
            if (current.map(Session::version).orElse(0L) != expectedVersion) {
                return new SaveResult.Conflict(current);
            }
            Session stored = session.withVersion(expectedVersion + 1);
            SafeFiles.replace(sessionFile(name), codec.encode(stored));
            return new SaveResult.Saved(stored);
        }));
    }

    @Override
    public boolean delete(SessionKey key, long expectedVersion) {
        String name = codec.nameOf(Objects.requireNonNull(key, "key"));
        return io("delete the session of " + key, () -> locks.withLock(lockFile(name), () ->
                readLocked(name).filter(s -> s.version() == expectedVersion).isPresent()
                        && SafeFiles.delete(sessionFile(name))));
    }

    @Override
    public List<Session> list() {
        List<String> names = io("list " + directory, () -> {
            try (Stream<Path> files = Files.list(directory)) {
                return files.map(f -> f.getFileName().toString())
                        .filter(f -> SESSION_FILE.matcher(f).matches())
                        .map(f -> f.substring(0, f.length() - ".json".length()))
                        .toList();
            }
        });
        List<Session> sessions = new ArrayList<>();
        for (String name : names) {
            try {
                if (!io("read " + sessionFile(name), () -> listable(name))) {
                    continue; // deleted since, or a session of another Domain API: not this store's to list
                }
                io("read " + sessionFile(name), () -> read(name)).ifPresent(sessions::add);
            } catch (StoreException e) {
                LOG.warning("skipping a session that cannot be read: " + e.getMessage());
            }
        }
        return sessions;
    }

    @Override
    public Optional<Lease> tryLease(SessionKey key, Duration ttl) {
        Objects.requireNonNull(key, "key");
        Leases.requirePositive(ttl);
        String name = codec.nameOf(key);
        Path held = heldFile(name);
        return io("take the lease on " + key, () -> locks.withLock(lockFile(name), () -> {
            Optional<RecordCodec.LeaseRecord> latest = readLease(key, name);
            long lastFence = latest.map(record -> record.grant().lease().fence()).orElse(0L);
            Lease lease = Leases.grant(key, ttl, clock.instant(), lastFence);
            boolean watched;
            if (latest.isPresent() && latest.get().grant().heldAt(clock.instant())) {
                // Held and unexpired: its holder is alive, unless it kept the .held file locked and the kernel has
                // dropped that lock (its process ended).
                if (!latest.get().watched() || !HolderLocks.take(held, lease.token())) {
                    return Optional.empty();
                }
                LOG.info("the holder of the lease on " + key + " is gone (its process ended); taking over");
                watched = true;
            } else {
                // Free, or lapsed: whoever in this JVM still holds the OS lock has lost the lease.
                HolderLocks.dropAny(held);
                // A live process whose lease lapsed may still hold the OS lock; then this lease is guarded by its
                // expiry only, and says so, so that no one mistakes the old holder's unlock for this holder's death.
                watched = HolderLocks.take(held, lease.token());
            }
            SafeFiles.replace(leaseFile(name), codec.encode(
                    new RecordCodec.LeaseRecord(new Leases.Grant(lease, true), watched)));
            return Optional.of(lease);
        }));
    }

    @Override
    public Optional<Lease> renew(Lease lease, Duration ttl) {
        Objects.requireNonNull(lease, "lease");
        Leases.requirePositive(ttl);
        String name = codec.nameOf(lease.key());
        return io("renew the lease on " + lease.key(), () -> locks.withLock(lockFile(name), () -> {
            Optional<RecordCodec.LeaseRecord> latest = readLease(lease.key(), name)
                    .filter(record -> record.grant().isHeldAs(lease, clock.instant()));
            if (latest.isEmpty()) {
                HolderLocks.drop(heldFile(name), lease.token());
                return Optional.<Lease>empty();
            }
            Lease renewed = lease.withExpiry(clock.instant().plus(ttl));
            SafeFiles.replace(leaseFile(name), codec.encode(
                    new RecordCodec.LeaseRecord(new Leases.Grant(renewed, true), latest.get().watched())));
            return Optional.of(renewed);
        }));
    }

    @Override
    public void release(Lease lease) {
        Objects.requireNonNull(lease, "lease");
        String name = codec.nameOf(lease.key());
        io("release the lease on " + lease.key(), () -> locks.withLock(lockFile(name), () -> {
            Optional<Leases.Grant> latest = readLease(lease.key(), name).map(RecordCodec.LeaseRecord::grant)
                    .filter(grant -> grant.active() && grant.lease().token().equals(lease.token()));
            if (latest.isPresent()) {
                // kept, marked released: the next grant's fence must still be larger
                SafeFiles.replace(leaseFile(name), codec.encode(
                        new RecordCodec.LeaseRecord(new Leases.Grant(latest.get().lease(), false), false)));
            }
            HolderLocks.drop(heldFile(name), lease.token());
            return null;
        }));
    }

    @Override
    public String toString() {
        return "FileTokenStore[" + directory + (encrypted() ? ", encrypted" : ", plaintext") + "]";
    }

    /** Whether the session file {@code name} is still there and holds a session of this store's Domain API. */
    private boolean listable(String name) throws IOException {
        try {
            return readBounded(sessionFile(name)).map(codec::sameDomainApi).orElse(false);
        } catch (CorruptRecordException e) {
            return true; // its reader reports it
        }
    }

    /** Reads without the lock (renames are atomic); takes it only to move a corrupt file aside. */
    private Optional<Session> read(String name) throws IOException {
        try {
            return decode(name);
        } catch (CorruptRecordException e) {
            // re-check under the lock: a writer may have replaced the file since we read it
            return locks.withLock(lockFile(name), () -> readLocked(name));
        }
    }

    /** Reads holding the key's lock; a corrupt file is moved aside and counts as absent. */
    private Optional<Session> readLocked(String name) throws IOException {
        try {
            return decode(name);
        } catch (CorruptRecordException e) {
            Path aside = SafeFiles.moveAside(sessionFile(name), clock.instant());
            LOG.warning("moved the unreadable session file " + sessionFile(name) + " aside to " + aside + " ("
                    + e.getMessage() + "); that session must log in again, the others are unaffected; the copy is"
                    + " deleted after " + CORRUPT_COPY_LIFETIME.toHours() + " h");
            deleteOldCorruptCopies();
            return Optional.empty();
        }
    }

    private Optional<Session> decode(String name) throws IOException, CorruptRecordException {
        Path file = sessionFile(name);
        Optional<byte[]> content = readBounded(file);
        if (content.isEmpty()) {
            return Optional.empty();
        }
        Session session = codec.decode(file.toString(), content.get());
        if (!codec.nameOf(session.key()).equals(name)) {
            throw new CorruptRecordException("it holds the session of another key");
        }
        return Optional.of(session);
    }

    /**
     * The latest grant on record. A damaged lease file counts as no lease: it holds nothing worth keeping but its
     * fence, and a fence restarting from 1 can only make a late holder's save succeed where it would have been
     * refused, which the compare-and-set on versions still guards.
     */
    private Optional<RecordCodec.LeaseRecord> readLease(SessionKey key, String name) throws IOException {
        Path file = leaseFile(name);
        try {
            Optional<byte[]> content = readBounded(file);
            return content.isEmpty() ? Optional.empty() : Optional.of(codec.decodeLease(key, content.get()));
        } catch (CorruptRecordException e) {
            LOG.warning("ignoring the unreadable lease file " + file + " (" + e.getMessage() + ")");
            return Optional.empty();
        }
    }

    private static Optional<byte[]> readBounded(Path file) throws IOException, CorruptRecordException {
        try {
            if (Files.size(file) > MAX_RECORD_BYTES) {
                throw new CorruptRecordException("larger than " + MAX_RECORD_BYTES + " bytes");
            }
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (AccessDeniedException e) {
            throw new CorruptRecordException("not readable by this user");
        }
    }

    /** The file name (without extension) of {@code key}'s session in a store not tied to a Domain API. */
    static String nameOf(SessionKey key) {
        return new RecordCodec(Optional.empty()).nameOf(key);
    }

    /** Deletes copies of unreadable files older than {@link #CORRUPT_COPY_LIFETIME}; failing is only logged. */
    private void deleteOldCorruptCopies() {
        try {
            Instant cutoff = clock.instant().minus(CORRUPT_COPY_LIFETIME);
            for (Path copy : SafeFiles.deleteCopiesMadeBefore(directory, cutoff)) {
                LOG.info("deleted " + copy + ", a copy of an unreadable session file older than "
                        + CORRUPT_COPY_LIFETIME.toHours() + " h");
            }
        } catch (IOException e) {
            LOG.warning("could not delete old copies of unreadable session files in " + directory + ": "
                    + IoProblems.describe(e));
        }
    }

    private Path sessionFile(String name) {
        return directory.resolve(name + ".json");
    }

    private Path leaseFile(String name) {
        return directory.resolve(name + ".lease");
    }

    private Path heldFile(String name) {
        return directory.resolve(name + ".held");
    }

    private Path lockFile(String name) {
        return directory.resolve(name + ".lock");
    }

    /** Runs {@code work}, translating {@link IOException} into a {@link StoreException} that names the step. */
    private static <T> T io(String step, IoAction<T> work) {
        try {
            return work.run();
        } catch (IOException e) {
            throw new StoreException("could not " + step + ": " + IoProblems.describe(e), e, false);
        }
    }
}
