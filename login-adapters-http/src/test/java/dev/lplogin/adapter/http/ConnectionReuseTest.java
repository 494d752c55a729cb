package dev.lplogin.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.model.Credentials;
import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.ServiceHost;
import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.port.LoggedIn;
import dev.lplogin.domain.port.Refreshed;
import dev.lplogin.emulator.DemoAccount;
import dev.lplogin.emulator.Endpoint;
import dev.lplogin.emulator.LoginEmulator;
import dev.lplogin.testkit.EmulatorExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A burst of concurrent refreshes, as a fleet's refresh wave makes it, against the emulator over real loopback
 * HTTPS: connections are reused up to {@link HttpSettings#maxConnections()}, nothing is retried, and the client runs
 * on its bounded executor. Connections are counted by the emulator (distinct client ports).
 */
class ConnectionReuseTest {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.https();

    @TempDir
    static Path certificates;

    private static final AccountId ACCOUNT = AccountId.of(DemoAccount.ACCOUNT_ID);
    private static final int CALLERS = 500;
    private static final int REFRESHES_EACH = 2;

    @ParameterizedTest(name = "maxConnections = {0}")
    @ValueSource(ints = {4, HttpSettings.DEFAULT_MAX_CONNECTIONS})
    void five_hundred_concurrent_callers_share_at_most_max_connections_and_nothing_is_retried(int maxConnections)
            throws Exception {
        LoginEmulator emulator = EMULATOR.emulator();
        HttpSettings settings = TestSettings.fast(emulator, certificates).toBuilder()
                .maxConnections(maxConnections).clientThreads(2)
                // Generous, so a loaded machine cannot turn a slow answer into a timeout and a retry: this test
                // is about connections.
                .connectTimeout(Duration.ofSeconds(30)).requestTimeout(Duration.ofSeconds(30))
                .build();
        AtomicInteger retries = new AtomicInteger();
        Handler retryCounter = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel() == Level.INFO && String.valueOf(record.getMessage()).contains("attempt")) {
                    retries.incrementAndGet();
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger adapterLog = Logger.getLogger(HttpTransport.class.getPackageName());
        adapterLog.addHandler(retryCounter);
        try (HttpTransport transport = HttpTransport.create(settings)) {
            HttpAuthGateway gateway = new HttpAuthGateway(transport, InstantSource.system());
            Session session = ((LoggedIn) gateway.login(ACCOUNT, ServiceHost.of(emulator.authority()),
                    new Credentials.UserPassword(DemoAccount.USERNAME, Secret.of(DemoAccount.PASSWORD)))).session();
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> callers = new ArrayList<>();
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < CALLERS; i++) {
                    callers.add(threads.submit(() -> {
                        go.await();
                        int refreshed = 0;
                        for (int r = 0; r < REFRESHES_EACH; r++) {
                            if (gateway.refresh(session) instanceof Refreshed) {
                                refreshed++;
                            }
                        }
                        return refreshed;
                    }));
                }
                long started = System.nanoTime();
                go.countDown();
                int refreshed = 0;
                for (Future<Integer> caller : callers) {
                    refreshed += caller.get();
                }
                long millis = (System.nanoTime() - started) / 1_000_000;
                long clientThreads = Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> t.getName().startsWith(transport.threadNames())).count();
                System.out.printf("maxConnections %d: %d refreshes from %d callers in %d ms over %d connections, "
                                + "%d retries, %d client threads alive%n", maxConnections, refreshed, CALLERS,
                        millis, emulator.stats().connections(), retries.get(), clientThreads);

                assertThat(refreshed).isEqualTo(CALLERS * REFRESHES_EACH);
                assertThat(emulator.stats().requests(Endpoint.REFRESH)).isEqualTo(CALLERS * REFRESHES_EACH);
                assertThat(retries.get()).as("retried attempts").isZero();
                assertThat(emulator.stats().connections()).as("TCP connections for 1 login and "
                        + CALLERS * REFRESHES_EACH + " refreshes").isLessThanOrEqualTo(maxConnections);
                assertThat(clientThreads).as("platform threads of the client's executor")
                        .isLessThanOrEqualTo(2);
            }
        } finally {
            adapterLog.removeHandler(retryCounter);
        }
    }

    @Test
    void a_closed_transport_ends_its_threads() throws Exception {
        HttpTransport transport = HttpTransport.create(TestSettings.fast(EMULATOR.emulator(), certificates));
        HttpAuthGateway gateway = new HttpAuthGateway(transport, InstantSource.system());
        gateway.login(ACCOUNT, ServiceHost.of(EMULATOR.emulator().authority()),
                new Credentials.UserPassword(DemoAccount.USERNAME, Secret.of(DemoAccount.PASSWORD)));

        transport.close();

        Thread.sleep(200);
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .noneMatch(name -> name.startsWith(transport.threadNames()));
    }
}
