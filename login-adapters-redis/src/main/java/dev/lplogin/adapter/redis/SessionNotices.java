package dev.lplogin.adapter.redis;

import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.StoreException;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The replaced-session notices of one {@link RedisTokenStore}: remembers which session (version and bearer) this
 * process last saw stored for each key, listens to the {@link Notice}s other stores publish when they save, and tells
 * the {@link ReplacedSessionListener}s when another process stored a <em>new login</em> (another bearer) for a key
 * this process holds, so that the core drops the dead bearer at once instead of at its next 401. A refresh (same
 * bearer) is no news.
 *
 * <p>Pub/sub loses messages while a connection is down; that is harmless, as the core re-reads the store at every
 * keep-alive and after any 401. Thread-safe.
 */
final class SessionNotices {

    private static final System.Logger LOG = System.getLogger(SessionNotices.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int READ_ATTEMPTS = 5;
    private static final long READ_PAUSE_MILLIS = 250;

    private final RedisLink link;
    private final String channel;
    private final Function<SessionKey, Optional<Session>> storedSession;
    private final Function<SessionKey, String> hashOf;
    private final String store = randomHex(8);
    private final Map<String, SessionKey> keysByHash = new ConcurrentHashMap<>();
    private final Map<SessionKey, Seen> seen = new ConcurrentHashMap<>();
    private final List<ReplacedSessionListener> listeners = new CopyOnWriteArrayList<>();

    /** The last stored session this process saw for a key: what a notice is compared with. */
    private record Seen(long version, Secret bearer) {
    }

    /**
     * @param link          the store's connections (notices come on its pub/sub connection)
     * @param channel       the notice channel
     * @param storedSession reads a key's stored session afresh (the store's {@code load})
     * @param hashOf        a key's hash, as the store names its Redis keys (see {@link RedisKeys})
     */
    SessionNotices(RedisLink link, String channel, Function<SessionKey, Optional<Session>> storedSession,
            Function<SessionKey, String> hashOf) {
        this.link = link;
        this.channel = channel;
        this.storedSession = storedSession;
        this.hashOf = hashOf;
    }

    void onSessionReplaced(ReplacedSessionListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** {@code key}'s hash, remembered so that a notice naming it can be traced back to the key. */
    String know(SessionKey key) {
        String hash = hashOf.apply(key);
        keysByHash.putIfAbsent(hash, key);
        return hash;
    }

    /** This process saw {@code session} stored (loaded, saved, or answered in a conflict). */
    void saw(Session session) {
        seen.merge(session.key(), new Seen(session.version(), session.bearer()),
                (old, now) -> now.version() >= old.version() ? now : old);
    }

    /** The notice line a save of {@code hash} by this store publishes, less the version the script appends. */
    String head(String hash) {
        return Notice.head(store, hash);
    }

    /** Subscribes to the channel once someone listens (the link subscribes at most once, and again on reconnect). */
    void subscribeIfListening() {
        if (!listeners.isEmpty()) {
            link.subscribeOnce(channel, (ch, line) -> onNotice(line));
        }
    }

    /** On a Lettuce thread: must not block; the check runs on a virtual thread. */
    void onNotice(String line) {
        Optional<Notice> parsed = Notice.parse(line);
        if (parsed.isEmpty() || parsed.get().store().equals(store)) {
            return; // another format, or our own save
        }
        Notice notice = parsed.get();
        SessionKey key = keysByHash.get(notice.keyHash());
        if (key != null && isNews(key, notice.version())) {
            Thread.ofVirtual().name("lp-login-redis-notice").start(() -> checkReplaced(key, notice.version()));
        }
    }

    /** Whether this process has seen {@code key} stored, but not yet at {@code version}. */
    private boolean isNews(SessionKey key, long version) {
        Seen before = seen.get(key);
        return before != null && version > before.version();
    }

    private void checkReplaced(SessionKey key, long version) {
        Seen before = seen.get(key); // afresh: this process may have loaded or saved since the notice came
        if (before == null || version <= before.version()) {
            return;
        }
        Optional<Session> now = storedNow(key);
        if (now.isPresent() && !now.get().bearer().equals(before.bearer())) {
            for (ReplacedSessionListener listener : listeners) {
                listener.replaced(key, before.bearer());
            }
        }
    }

    /**
     * The stored session, read a few times while the store answers with a retryable error: right after a failover
     * the pub/sub connection may be back before the command connection is.
     */
    private Optional<Session> storedNow(SessionKey key) {
        for (int attempt = 1; ; attempt++) {
            try {
                return storedSession.apply(key);
            } catch (StoreException e) {
                if (!e.retryable() || attempt == READ_ATTEMPTS) {
                    // the notice is an optimisation: keep-alive and 401 handling re-read the store anyway
                    LOG.log(Level.DEBUG, "could not act on a session notice for " + key + ": " + e.getMessage());
                    return Optional.empty();
                }
            } catch (RuntimeException e) {
                LOG.log(Level.DEBUG, "could not act on a session notice for " + key + ": " + e.getMessage());
                return Optional.empty();
            }
            try {
                Thread.sleep(READ_PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
