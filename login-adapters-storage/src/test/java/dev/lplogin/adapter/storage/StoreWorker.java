package dev.lplogin.adapter.storage;

import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.ServiceHost;
import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.model.SessionCookie;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.Lease;
import dev.lplogin.domain.port.SaveResult;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * The main class of the child JVMs in the crash and cross-process tests. Usage:
 * <ul>
 *   <li>{@code save-loop <dir> <login>}: saves version after version as fast as it can, printing {@code saved <v>}</li>
 *   <li>{@code increment <dir> <login> <n>}: prints {@code ready}, waits for a line, then races for the key's lease
 *       (prints {@code lease granted} or {@code lease refused}), makes {@code n} compare-and-set increments and
 *       prints {@code done <n> <conflicts>}</li>
 *   <li>{@code warm-up <dir> <login>}: runs every operation once and exits</li>
 *   <li>{@code lease <dir> <login> <ttl-ms> <clock-offset-ms>}: prints {@code granted} or {@code refused}; if granted,
 *       waits for {@code release} (prints {@code released})</li>
 * </ul>
 */
public final class StoreWorker {

    // a bulky bearer makes every write take long enough for a kill to land in the middle of it
    private static final String PADDING = "x".repeat(16 * 1024);

    private StoreWorker() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[1]);
        SessionKey key = key(args[2]);
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        switch (args[0]) {
            case "save-loop" -> saveLoop(FileTokenStore.open(directory, InstantSource.system()), key);
            case "increment" -> {
                FileTokenStore store = FileTokenStore.open(directory, InstantSource.system());
                System.out.println("ready");
                stdin.readLine();
                boolean leased = store.tryLease(key, Duration.ofMinutes(1)).isPresent();
                System.out.println(leased ? "lease granted" : "lease refused");
                increment(store, key, Integer.parseInt(args[3]));
            }
            case "lease" -> {
                Duration clockOffset = Duration.ofMillis(Long.parseLong(args[4]));
                InstantSource clock = InstantSource.offset(InstantSource.system(), clockOffset);
                FileTokenStore store = FileTokenStore.open(directory, clock);
                Optional<Lease> lease = store.tryLease(key, Duration.ofMillis(Long.parseLong(args[3])));
                System.out.println(lease.isPresent() ? "granted" : "refused");
                if (lease.isPresent() && "release".equals(stdin.readLine())) {
                    store.release(lease.get());
                    System.out.println("released");
                }
            }
            case "warm-up" -> warmUp(FileTokenStore.open(directory, InstantSource.system()), key);
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    static SessionKey key(String loginName) {
        return SessionKey.of("12345678", loginName);
    }

    /** The session a save-loop writes at {@code version}: every secret names the version, so a mix is detectable. */
    static Session numbered(SessionKey key, long version) {
        return numbered(key, version, PADDING);
    }

    /** A small {@link #numbered} session, for tests that look at every byte of a file. */
    static Session small(SessionKey key, long version) {
        return numbered(key, version, "");
    }

    private static Session numbered(SessionKey key, long version, String padding) {
        Instant issued = Instant.parse("2026-03-01T09:00:00Z");
        return new Session(key, ServiceHost.of("va.agentvep.liveperson.net"),
                Secret.of("bearer-" + version + "-" + padding), Secret.of("csrf-" + version),
                List.of(new SessionCookie("Session_id", Secret.of("cookie-" + version))),
                "count-" + version, Optional.empty(), issued, issued, Optional.empty(), 0);
    }

    /** Runs every operation once and exits, so that the classes they need can be archived (see ChildLauncher). */
    private static void warmUp(FileTokenStore store, SessionKey key) {
        store.save(numbered(key, 1), 0);
        store.save(small(key, 2), store.load(key).orElseThrow().version());
        store.tryLease(key, Duration.ofSeconds(1)).ifPresent(store::release);
        store.list();
    }

    private static void saveLoop(FileTokenStore store, SessionKey key) {
        long version = store.load(key).map(Session::version).orElse(0L);
        while (true) {
            // the only writer of its key: every save succeeds, so no load is needed between saves
            SaveResult.Saved saved = (SaveResult.Saved) store.save(numbered(key, version + 1), version);
            version = saved.session().version();
            System.out.println("saved " + version);
        }
    }

    private static void increment(FileTokenStore store, SessionKey key, int increments) {
        int conflicts = 0;
        for (int done = 0; done < increments; ) {
            Optional<Session> current = store.load(key);
            long version = current.map(Session::version).orElse(0L);
            long count = current.map(s -> Long.parseLong(s.userId().substring("count-".length()))).orElse(0L);
            if (store.save(small(key, count + 1), version) instanceof SaveResult.Saved) {
                done++;
            } else {
                conflicts++;
            }
        }
        System.out.println("done " + increments + " " + conflicts);
    }
}
