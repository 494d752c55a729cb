package dev.lplogin.adapter.redis;

import dev.lplogin.testkit.RedisServerExtension;
import static dev.lplogin.adapter.redis.TestSessions.ALICE;
import static dev.lplogin.adapter.redis.TestSessions.saved;
import static dev.lplogin.adapter.redis.TestSessions.session;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.SaveResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Pub/sub notices: a replica hears at once that another replaced the stored session with a new login. */
class RedisNoticesTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private record Replaced(SessionKey key, Secret previousBearer) {
    }

    private final BlockingQueue<Replaced> heard = new LinkedBlockingQueue<>();
    private RedisTokenStore writer;
    private RedisTokenStore reader;

    @BeforeEach
    void stores() {
        writer = RedisTokenStore.create(TestSessions.settings(REDIS));
        reader = RedisTokenStore.create(TestSessions.settings(REDIS));
        reader.onSessionReplaced((key, previous) -> heard.add(new Replaced(key, previous)));
    }

    @AfterEach
    void close() {
        writer.close();
        reader.close();
    }

    @Test
    void a_new_login_saved_elsewhere_is_heard_with_the_bearer_it_replaced() throws Exception {
        Session first = saved(writer.save(session(ALICE, "first"), 0));
        assertThat(reader.load(ALICE)).contains(first); // the reader holds "first" and is now subscribed

        writer.save(session(ALICE, "second"), first.version());

        Replaced replaced = heard.poll(5, TimeUnit.SECONDS);
        assertThat(replaced).isEqualTo(new Replaced(ALICE, Secret.of("bearer-first")));
    }

    @Test
    void a_refresh_saved_elsewhere_its_own_saves_and_keys_it_never_saw_are_no_news() throws Exception {
        Session first = saved(writer.save(session(ALICE, "first"), 0));
        reader.load(ALICE);

        // the reader's own new login
        Session own = saved(reader.save(session(ALICE, "readers-own"), first.version()));
        // the writer refreshes it: same bearer, later confirmation
        Session refreshed = saved(writer.save(own.confirmedAt(own.lastConfirmedAt().plusSeconds(60), List.of()),
                own.version()));
        // a key the reader never touched
        writer.save(session(SessionKey.of("12345678", "carol"), "c"), 0);

        assertThat(heard.poll(500, TimeUnit.MILLISECONDS)).isNull();
        // and the subscription still works: the writer's next login is heard
        writer.save(session(ALICE, "third"), refreshed.version());
        assertThat(heard.poll(5, TimeUnit.SECONDS)).isEqualTo(new Replaced(ALICE, Secret.of("bearer-readers-own")));
    }

    @Test
    void a_notice_names_the_key_by_hash_and_version_only() throws Exception {
        try (var subscriber = new NoticeRecorder(REDIS.server(), REDIS.prefix() + "notices")) {
            writer.save(session(ALICE, "very-secret"), 0);

            String notice = subscriber.next(Duration.ofSeconds(5));
            assertThat(notice).matches("1 [0-9a-f]{16} " + RedisKeys.hash(ALICE) + " 1").doesNotContain("secret");
        }
    }
}
