package dev.lplogin.adapter.redis;

import dev.lplogin.adapter.storage.CorruptRecordException;
import dev.lplogin.adapter.storage.EncryptionKey;
import dev.lplogin.adapter.storage.SessionRecordFormat;
import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.Lease;
import dev.lplogin.domain.port.SaveResult;
import dev.lplogin.domain.port.StoreException;
import dev.lplogin.domain.port.TokenStore;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.KeyValue;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScriptOutputType;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link TokenStore} on Redis, so that every replica of a bot — on any number of hosts — shares one LivePerson
 * session: fleet mode. Each operation is one Lua script or one read, atomic and one round trip; leases carry fences
 * that never go back, not even when a failover loses the last grants (a fence is also at least its grant time in
 * microseconds); expiry is judged by the injected clock, and lease keys also expire in Redis a
 * little after their lease, so a dead holder's lease disappears by itself. Data layout: see {@code RedisKeys} and
 * {@code docs/fleet.md}.
 *
 * <pre>{@code
 * RedisTokenStore store = RedisTokenStore.create(RedisStoreSettings.of("redis://redis.internal:6379")
 *         .withKey(EncryptionKey.fromEnvironment(System.getenv())));
 * LoginUseCase core = LoginCore.create(domainLookup, authGateway, store, SessionListener.NONE, settings);
 * store.onSessionReplaced(core::invalidate);   // replicas drop a bearer another replica's login replaced
 * }</pre>
 *
 * <p><b>Redis:</b> one node, a primary with replicas behind Sentinel, or a Cluster ({@link RedisEndpoint}); a
 * failover is followed without a restart.
 *
 * <p><b>Notices:</b> every save publishes a {@code Notice} (never a secret) on the channel {@code <prefix>notices}.
 * A store with {@link #onSessionReplaced listeners} subscribes on a second connection and, when another process stored
 * a session with a new bearer for a key this store has seen, tells them ({@code SessionNotices}). Pub/sub can lose
 * messages; the core also re-reads the store at every keep-alive and after any 401.
 *
 * <p><b>Thread-safety:</b> safe for any number of threads and processes; one shared connection, no pool. <b>Errors:</b>
 * a Redis that is down, slow or failing over is a retryable {@link StoreException} naming the Redis (no command waits
 * for a reconnect); refused credentials or permissions, and records that cannot be opened, are not retryable.
 * Nothing connects before the first operation. The caller owns the store and must {@link #close} it (after the core).
 */
public final class RedisTokenStore implements TokenStore, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RedisTokenStore.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SCAN_BATCH = 500;
    /**
     * How long a session key outlives its session's hard deadline in Redis ({@code issuedAt + maxLifetime}; without
     * one, {@value #UNBOUNDED_SESSION_HOURS} h after its last confirmation): a session no replica keeps alive any more
     * leaves Redis by itself, bearer and cookies with it.
     */
    public static final Duration SESSION_KEY_GRACE = Duration.ofHours(1);
    private static final int UNBOUNDED_SESSION_HOURS = 24;
    private static final java.util.regex.Pattern LOOPBACK =
            java.util.regex.Pattern.compile("localhost|127(\\.[0-9]{1,3}){3}|::1|0:0:0:0:0:0:0:1");

    private final RedisStoreSettings settings;
    private final RedisKeys keys;
    private final SessionRecordFormat format;
    private final RedisLink link;
    private final SessionNotices notices;
    private final Optional<String> refusal;

    private RedisTokenStore(RedisStoreSettings settings) {
        this.settings = settings;
        this.keys = new RedisKeys(settings.keyPrefix());
        this.format = SessionRecordFormat.of(settings.key(), settings.domainApi());
        this.link = new RedisLink(settings);
        this.notices = new SessionNotices(link, keys.channel(), this::load, format::nameOf);
        this.refusal = plaintextRefusal(settings);
    }

    /**
     * A store on the Redis of {@code settings}; connects on first use. Without a key, it warns once that the sessions
     * are in clear in Redis; on a Redis with a node not on this host (not loopback), every operation then fails (not
     * retryable) unless {@link RedisStoreSettings#plaintextAllowed() plaintext was allowed} explicitly. Creating the
     * store never fails for that, nor touches Redis.
     */
    public static RedisTokenStore create(RedisStoreSettings settings) {
        Objects.requireNonNull(settings, "settings");
        if (settings.key().isEmpty()) {
            LOG.log(Level.WARNING, "no store key is set: sessions (bearer, csrf token, cookies) are kept in"
                    + " clear in Redis at " + settings.endpoint() + ", readable by anyone who can read it; set "
                    + EncryptionKey.KEY_VARIABLE + " to seal them");
        }
        return new RedisTokenStore(settings);
    }

    /** Why this store refuses to work: plaintext records on a Redis not on this host, without the opt-out. */
    private static Optional<String> plaintextRefusal(RedisStoreSettings settings) {
        boolean local = settings.endpoint().nodes().stream()
                .allMatch(node -> LOOPBACK.matcher(node.host().toLowerCase(java.util.Locale.ROOT)).matches());
        if (settings.key().isPresent() || local || settings.plaintextAllowed()) {
            return Optional.empty();
        }
        return Optional.of("no store key is set, and Redis at " + settings.endpoint() + " is not on this host: the"
                + " bearer, csrf token and cookies of every session would be readable there by anyone who can read"
                + " that Redis. Set " + EncryptionKey.KEY_VARIABLE + " (the same on every replica; head -c 32"
                + " /dev/urandom | base64), or set " + RedisStoreSettings.PLAINTEXT_VARIABLE + "=allow to keep"
                + " sessions in clear there");
    }

    /** The connections, unless this store refuses to work (see {@link #create}). */
    private RedisLink link() {
        if (refusal.isPresent()) {
            throw new StoreException(refusal.get(), null, false);
        }
        return link;
    }

    /**
     * Tells {@code listener} whenever another process replaces the stored session of a key this store has seen with
     * a new login. Subscribes to the notices at the next successful operation.
     */
    public void onSessionReplaced(ReplacedSessionListener listener) {
        notices.onSessionReplaced(listener);
    }

    /** Whether sessions are sealed with a key. */
    public boolean seals() {
        return format.seals();
    }

    @Override
    public Optional<Session> load(SessionKey key) {
        Objects.requireNonNull(key, "key");
        String hash = notices.know(key);
        List<KeyValue<String, String>> fields =
                link().call("read", redis -> redis.hmget(keys.session(hash), "version", "record"));
        Optional<Session> session = read(key, hash, value(fields, 0), value(fields, 1));
        session.ifPresent(notices::saw);
        notices.subscribeIfListening();
        return session;
    }

    @Override
    public SaveResult save(Session session, long expectedVersion) {
        Objects.requireNonNull(session, "session");
        return save(session, expectedVersion, 0L);
    }

    @Override
    public SaveResult save(Session session, long expectedVersion, Lease lease) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(lease, "lease");
        if (!lease.key().equals(session.key())) {
            throw new IllegalArgumentException("the lease of " + lease.key() + " cannot fence a save of "
                    + session.key());
        }
        return save(session, expectedVersion, lease.fence());
    }

    private SaveResult save(Session session, long expectedVersion, long fence) {
        if (expectedVersion < 0) {
            throw new IllegalArgumentException("expected version must be >= 0, got " + expectedVersion);
        }
        SessionKey key = session.key();
        String hash = notices.know(key);
        Session stored = session.withVersion(expectedVersion + 1);
        String record = new String(format.encode(stored), StandardCharsets.UTF_8);
        List<Object> reply = link().run(Script.SAVE, ScriptOutputType.MULTI,
                new String[] {keys.session(hash), keys.fence(hash)},
                Long.toString(expectedVersion), record, Long.toString(fence), keys.channel(),
                notices.head(hash), Long.toString(sessionKeyTtl(stored).toMillis()));
        String status = String.valueOf(reply.get(0));
        SaveResult result = switch (status) {
            case "saved" -> new SaveResult.Saved(session.withVersion(Long.parseLong(String.valueOf(reply.get(1)))));
            case "conflict" -> new SaveResult.Conflict(read(key, hash, text(reply, 1), text(reply, 2)));
            case "fenced" -> new SaveResult.Fenced(read(key, hash, text(reply, 1), text(reply, 2)));
            default -> throw new StoreException("Redis at " + settings.endpoint() + " answered the save with \""
                    + status + "\"; is another program using the key prefix " + settings.keyPrefix() + "?",
                    null, false);
        };
        switch (result) {
            case SaveResult.Saved saved -> notices.saw(saved.session());
            case SaveResult.Conflict conflict -> conflict.current().ifPresent(notices::saw);
            case SaveResult.Fenced fenced -> fenced.current().ifPresent(notices::saw);
        }
        notices.subscribeIfListening();
        return result;
    }

    @Override
    public boolean delete(SessionKey key, long expectedVersion) {
        Objects.requireNonNull(key, "key");
        String hash = notices.know(key);
        Long deleted = link().run(Script.DELETE, ScriptOutputType.INTEGER, new String[] {keys.session(hash)},
                Long.toString(expectedVersion));
        return deleted != null && deleted == 1L;
    }

    /** Every stored session under the prefix, found with SCAN (never KEYS, which blocks Redis). */
    @Override
    public List<Session> list() {
        List<Session> sessions = new ArrayList<>();
        ScanArgs args = ScanArgs.Builder.matches(keys.sessionPattern()).limit(SCAN_BATCH);
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            ScanCursor from = cursor;
            KeyScanCursor<String> page = link().call("list", redis -> redis.scan(from, args));
            for (String redisKey : page.getKeys()) {
                keys.hashOfSessionKey(redisKey).flatMap(this::readListed).ifPresent(sessions::add);
            }
            cursor = page;
        } while (!cursor.isFinished());
        notices.subscribeIfListening();
        return List.copyOf(sessions);
    }

    @Override
    public Optional<Lease> tryLease(SessionKey key, Duration ttl) {
        Objects.requireNonNull(key, "key");
        requirePositive(ttl);
        String hash = notices.know(key);
        link().connect(); // a first connection may take long: the lease's time starts once Redis can be asked
        Instant now = settings.clock().instant();
        Instant expiresAt = now.plus(ttl);
        String token = randomHex(16);
        Long fence = link().run(Script.TAKE_LEASE, ScriptOutputType.INTEGER,
                new String[] {keys.lease(hash), keys.fence(hash)},
                nanos(now), nanos(expiresAt), token, redisExpiry(ttl));
        notices.subscribeIfListening();
        return fence == null ? Optional.empty() : Optional.of(new Lease(key, token, fence, expiresAt));
    }

    @Override
    public Optional<Lease> renew(Lease lease, Duration ttl) {
        Objects.requireNonNull(lease, "lease");
        requirePositive(ttl);
        String hash = notices.know(lease.key());
        link().connect();
        Instant now = settings.clock().instant();
        Instant expiresAt = now.plus(ttl);
        Long renewed = link().run(Script.RENEW_LEASE, ScriptOutputType.INTEGER, new String[] {keys.lease(hash)},
                nanos(now), lease.token(), Long.toString(lease.fence()), nanos(expiresAt), redisExpiry(ttl));
        return renewed != null && renewed == 1L
                ? Optional.of(new Lease(lease.key(), lease.token(), lease.fence(), expiresAt))
                : Optional.empty();
    }

    @Override
    public void release(Lease lease) {
        Objects.requireNonNull(lease, "lease");
        String hash = notices.know(lease.key());
        link().run(Script.RELEASE_LEASE, ScriptOutputType.INTEGER, new String[] {keys.lease(hash)},
                lease.token(), Long.toString(lease.fence()));
    }

    /** Closes both connections and Lettuce's threads. Idempotent; later operations fail. */
    @Override
    public void close() {
        link.close();
    }

    @Override
    public String toString() {
        return "RedisTokenStore[" + settings.endpoint() + ", prefix " + settings.keyPrefix()
                + (format.seals() ? ", sealed" : ", plaintext") + "]";
    }

    // --- records ----------------------------------------------------------------------------------------------------

    /**
     * The session in a stored {@code version}/{@code record} pair. A record that is not well-formed is deleted (at
     * its version, so a concurrent save is not lost) and counts as absent: that key logs in again, others are
     * unaffected. One that cannot be opened (another key, tampered) is an error a person must look at.
     */
    private Optional<Session> read(SessionKey key, String hash, String version, String record) {
        if (version == null || record == null) {
            return Optional.empty();
        }
        String redisKey = keys.session(hash);
        try {
            Session session = format.decode("the Redis key " + redisKey, record.getBytes(StandardCharsets.UTF_8));
            if (!session.key().equals(key)) {
                throw new CorruptRecordException("it holds the session of another key");
            }
            return Optional.of(session.withVersion(Long.parseLong(version)));
        } catch (CorruptRecordException | NumberFormatException e) {
            LOG.log(Level.WARNING, "deleting the unreadable session record " + redisKey + " from "
                    + settings.endpoint() + " (" + e.getMessage() + "); that session must log in again, the others"
                    + " are unaffected");
            try {
                link().run(Script.DELETE, ScriptOutputType.INTEGER, new String[] {redisKey}, version);
            } catch (StoreException | NumberFormatException ignored) {
                // it stays unreadable and is reported again next time
            }
            return Optional.empty();
        }
    }

    /** A session found by {@link #list}, or empty (reported) if it cannot be read. */
    private Optional<Session> readListed(String hash) {
        String redisKey = keys.session(hash);
        List<KeyValue<String, String>> fields =
                link().call("list", redis -> redis.hmget(redisKey, "version", "record"));
        String version = value(fields, 0);
        String record = value(fields, 1);
        if (version == null || record == null) {
            return Optional.empty(); // deleted since the scan saw it
        }
        if (!format.sameDomainApi(record.getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty(); // a session obtained through another Domain API: not this store's
        }
        try {
            Session session = format.decode("the Redis key " + redisKey, record.getBytes(StandardCharsets.UTF_8));
            if (!format.nameOf(session.key()).equals(hash)) {
                throw new CorruptRecordException("it holds the session of another key");
            }
            notices.know(session.key());
            return Optional.of(session.withVersion(Long.parseLong(version)));
        } catch (CorruptRecordException | NumberFormatException | StoreException e) {
            LOG.log(Level.WARNING, "skipping the unreadable session record " + redisKey + " ("
                    + e.getMessage() + ")");
            return Optional.empty();
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    /** Epoch nanoseconds as 20 digits: Lua compares these as strings, exactly (its numbers are doubles). */
    private static String nanos(Instant instant) {
        long nanos;
        try {
            nanos = Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
        } catch (ArithmeticException e) {
            nanos = instant.getEpochSecond() < 0 ? 0 : Long.MAX_VALUE;
        }
        return String.format("%020d", Math.max(0, nanos));
    }

    /**
     * How long the session key of {@code session} lives in Redis from now: until {@link #SESSION_KEY_GRACE} after the
     * session's hard deadline (by this store's clock), and never less than that grace.
     */
    private Duration sessionKeyTtl(Session session) {
        Instant deadline = session.expiresAt()
                .orElse(session.lastConfirmedAt().plus(Duration.ofHours(UNBOUNDED_SESSION_HOURS)));
        Duration left = Duration.between(settings.clock().instant(), deadline);
        return (left.isNegative() ? Duration.ZERO : left).plus(SESSION_KEY_GRACE);
    }

    private String redisExpiry(Duration ttl) {
        return Long.toString(Math.max(1, ttl.plus(settings.leaseGrace()).toMillis()));
    }

    private static void requirePositive(Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive, got " + ttl);
        }
    }

    private static String value(List<KeyValue<String, String>> fields, int index) {
        KeyValue<String, String> field = fields.get(index);
        return field.hasValue() ? field.getValue() : null;
    }

    private static String text(List<Object> reply, int index) {
        return reply.size() > index && reply.get(index) != null ? String.valueOf(reply.get(index)) : null;
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
