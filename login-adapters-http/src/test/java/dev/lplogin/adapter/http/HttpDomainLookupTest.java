package dev.lplogin.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.model.ServiceHost;
import dev.lplogin.domain.model.ServiceName;
import dev.lplogin.domain.port.DomainLookup;
import dev.lplogin.domain.port.DomainNotFoundException;
import dev.lplogin.domain.port.ProtocolViolationException;
import dev.lplogin.domain.port.ServiceUnavailableException;
import dev.lplogin.emulator.Endpoint;
import dev.lplogin.emulator.Fault;
import dev.lplogin.emulator.LoginEmulator;
import dev.lplogin.testkit.DomainLookupContract;
import dev.lplogin.testkit.EmulatorExtension;
import dev.lplogin.testkit.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link HttpDomainLookup} against the emulator's Domain API over real loopback HTTPS: the contract, then the cache
 * of spec §2 (TTL, single flight, stale-if-error, overrides, seeding) with request counts from the emulator.
 */
class HttpDomainLookupTest extends DomainLookupContract {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.https();

    @TempDir
    static Path certificates;

    private static final ServiceName SENTINEL = ServiceName.of("sentinel");

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T09:00:00Z"));
    private HttpTransport transport;

    @Override
    protected LoginEmulator emulator() {
        return EMULATOR.emulator();
    }

    @Override
    protected DomainLookup lookup() {
        return lookup(TestSettings.fast(emulator(), certificates));
    }

    private HttpDomainLookup lookup(HttpSettings settings) {
        if (transport != null) {
            transport.close();
        }
        transport = HttpTransport.create(settings);
        return new HttpDomainLookup(transport, clock);
    }

    @AfterEach
    void closeTransport() {
        if (transport != null) {
            transport.close();
        }
    }

    private long csdsRequests() {
        return emulator().stats().requests(Endpoint.CSDS);
    }

    @Test
    void one_request_fills_the_cache_for_every_service_of_the_account() {
        DomainLookup lookup = lookup();

        lookup.lookup(ACCOUNT, ServiceName.LOGIN);
        lookup.lookup(ACCOUNT, SENTINEL);
        lookup.lookupAll(ACCOUNT);

        assertThat(csdsRequests()).isEqualTo(1);
    }

    @Test
    void an_answer_is_used_until_its_ttl_runs_out_then_revalidated_once() throws Exception {
        HttpDomainLookup lookup = lookup(TestSettings.fast(emulator(), certificates));
        lookup.lookup(ACCOUNT, ServiceName.LOGIN);

        clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        lookup.lookup(ACCOUNT, ServiceName.LOGIN);
        assertThat(lookup.awaitRevalidations(Duration.ofSeconds(5))).isTrue();
        assertThat(csdsRequests()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        lookup.lookup(ACCOUNT, ServiceName.LOGIN);
        assertThat(lookup.awaitRevalidations(Duration.ofSeconds(5))).isTrue();
        assertThat(csdsRequests()).isEqualTo(2);
        lookup.lookup(ACCOUNT, ServiceName.LOGIN);
        assertThat(lookup.awaitRevalidations(Duration.ofSeconds(5))).isTrue();
        assertThat(csdsRequests()).as("the revalidated answer is fresh again").isEqualTo(2);
    }

    @Test
    void past_its_ttl_the_known_host_is_returned_at_once_while_a_slow_domain_api_is_asked_in_the_background()
            throws Exception {
        HttpDomainLookup lookup = lookup(TestSettings.fast(emulator(), certificates));
        lookup.lookup(ACCOUNT, ServiceName.LOGIN);
        clock.advance(Duration.ofHours(2));
        emulator().inject(Fault.delay(Endpoint.CSDS, Duration.ofSeconds(2), 1));
        long started = System.nanoTime();

        ServiceHost host = lookup.lookup(ACCOUNT, ServiceName.LOGIN);

        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        assertThat(host).isEqualTo(emulatorHost());
        assertThat(waited).as("the caller does not wait for the 2 s Domain API").isLessThan(Duration.ofSeconds(1));
        assertThat(lookup.awaitRevalidations(Duration.ofSeconds(5))).isTrue();
        assertThat(csdsRequests()).isEqualTo(2);
    }

    @Test
    void with_stale_while_revalidate_off_an_expired_answer_is_fetched_on_the_callers_thread() {
        HttpDomainLookup lookup = lookup(TestSettings.fast(emulator(), certificates).toBuilder()
                .staleWhileRevalidateFor(Duration.ZERO).build());
        lookup.lookup(ACCOUNT, ServiceName.LOGIN);
        clock.advance(Duration.ofMinutes(10));
        emulator().inject(Fault.delay(Endpoint.CSDS, Duration.ofMillis(600), 1));
        long started = System.nanoTime();

        lookup.lookup(ACCOUNT, ServiceName.LOGIN);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
        assertThat(csdsRequests()).isEqualTo(2);
    }

    @Test
    void a_hundred_concurrent_lookups_past_the_ttl_start_one_background_request() throws Exception {
        HttpDomainLookup lookup = lookup(TestSettings.fast(emulator(), certificates));
        lookup.lookup(ACCOUNT, ServiceName.LOGIN);
        clock.advance(Duration.ofMinutes(30));
        emulator().inject(Fault.delay(Endpoint.CSDS, Duration.ofMillis(300), 1));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ServiceHost>> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(100)) {
            for (int i = 0; i < 100; i++) {
                results.add(threads.submit(() -> {
                    start.await();
                    return lookup.lookup(ACCOUNT, ServiceName.LOGIN);
                }));
            }
            start.countDown();
            for (Future<ServiceHost> result : results) {
                assertThat(result.get()).isEqualTo(emulatorHost());
            }
        }

        assertThat(lookup.awaitRevalidations(Duration.ofSeconds(5))).isTrue();
        assertThat(csdsRequests()).as("1 cold fetch + 1 revalidation").isEqualTo(2);
    }

    @Test
    void a_failed_revalidation_keeps_the_answer_warns_and_waits_a_minute_before_trying_again() throws Exception {
        HttpDomainLookup lookup = lookup(TestSettings.fast(emulator(), certificates));
        lookup.lookup(ACCOUNT, ServiceName.LOGIN);
        clock.advance(Duration.ofHours(1));
        emulator().inject(Fault.status(Endpoint.CSDS, 503, 4));
        List<LogRecord> warnings = new ArrayList<>();

        withWarningsIn(warnings, () -> {
            assertThat(lookup.lookup(ACCOUNT, ServiceName.LOGIN)).isEqualTo(emulatorHost());
            assertThat(lookup.awaitRevalidations(Duration.ofSeconds(5))).isTrue();
        });
        assertThat(csdsRequests()).as("1 good answer, then 1 + 3 retries that fail").isEqualTo(5);
        assertThat(warnings).singleElement().extracting(LogRecord::getMessage).asString()
                .contains("could not revalidate").contains("HTTP 503").contains("60 min ago");

        clock.advance(HttpDomainLookup.REVALIDATION_BACKOFF.minusSeconds(1));
        assertThat(lookup.lookup(ACCOUNT, ServiceName.LOGIN)).isEqualTo(emulatorHost());
        assertThat(lookup.awaitRevalidations(Duration.ofSeconds(5))).isTrue();
        assertThat(csdsRequests()).as("no new attempt during the back-off").isEqualTo(5);

        clock.advance(Duration.ofSeconds(1));
        lookup.lookup(ACCOUNT, ServiceName.LOGIN);
        assertThat(lookup.awaitRevalidations(Duration.ofSeconds(5))).isTrue();
        assertThat(csdsRequests()).isEqualTo(6);
        lookup.lookup(ACCOUNT, ServiceName.LOGIN);
        assertThat(csdsRequests()).as("fresh again").isEqualTo(6);
    }

    @Test
    void an_account_the_revalidation_finds_gone_is_forgotten() throws Exception {
        HttpDomainLookup lookup = lookup(TestSettings.fast(emulator(), certificates));
        lookup.lookup(ACCOUNT, ServiceName.LOGIN);
        clock.advance(Duration.ofHours(1));
        emulator().inject(Fault.status(Endpoint.CSDS, 404, 2));

        assertThat(lookup.lookup(ACCOUNT, ServiceName.LOGIN)).as("served while revalidating").isEqualTo(emulatorHost());
        assertThat(lookup.awaitRevalidations(Duration.ofSeconds(5))).isTrue();

        assertThatThrownBy(() -> lookup.lookup(ACCOUNT, ServiceName.LOGIN))
                .as("asked again on the caller's thread, and still gone")
                .isInstanceOf(DomainNotFoundException.class);
        assertThat(csdsRequests()).isEqualTo(3);
    }

    @Test
    void a_hundred_concurrent_lookups_of_a_cold_account_make_one_request() throws Exception {
        DomainLookup lookup = lookup();
        int callers = 100;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ServiceHost>> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(callers)) {
            for (int i = 0; i < callers; i++) {
                results.add(threads.submit(() -> {
                    start.await();
                    return lookup.lookup(ACCOUNT, ServiceName.LOGIN);
                }));
            }
            start.countDown();
            for (Future<ServiceHost> result : results) {
                assertThat(result.get()).isEqualTo(emulatorHost());
            }
        }

        assertThat(csdsRequests()).isEqualTo(1);
    }

    @Test
    void while_the_domain_api_fails_an_expired_answer_is_served_with_a_warning() {
        DomainLookup lookup = lookup(TestSettings.fast(emulator(), certificates).toBuilder()
                .staleWhileRevalidateFor(Duration.ZERO).build());
        lookup.lookup(ACCOUNT, ServiceName.LOGIN);
        clock.advance(Duration.ofHours(1));
        emulator().inject(Fault.status(Endpoint.CSDS, 503, 4));
        List<LogRecord> warnings = new ArrayList<>();

        withWarningsIn(warnings,
                () -> assertThat(lookup.lookup(ACCOUNT, ServiceName.LOGIN)).isEqualTo(emulatorHost()));

        assertThat(csdsRequests()).as("1 good answer, then 1 + 3 retries that fail").isEqualTo(5);
        assertThat(warnings).singleElement().extracting(LogRecord::getMessage).asString()
                .contains("Domain API is failing").contains("60 min ago");
    }

    /** Runs {@code body} with the adapter's warnings collected in {@code warnings}. */
    private static void withWarningsIn(List<LogRecord> warnings, ThrowingRunnable body) {
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    synchronized (warnings) {
                        warnings.add(record);
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(HttpDomainLookup.class.getPackageName());
        logger.addHandler(capture);
        try {
            body.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            logger.removeHandler(capture);
        }
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void an_answer_older_than_the_stale_period_is_not_served_when_the_domain_api_fails() {
        DomainLookup lookup = lookup();
        lookup.lookup(ACCOUNT, ServiceName.LOGIN);
        clock.advance(Duration.ofHours(24));
        emulator().inject(Fault.status(Endpoint.CSDS, 502, 4));

        assertThatThrownBy(() -> lookup.lookup(ACCOUNT, ServiceName.LOGIN))
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining("domain lookup");
    }

    @Test
    void a_failing_domain_api_without_any_earlier_answer_is_unavailable_after_four_requests() {
        emulator().inject(Fault.status(Endpoint.CSDS, 500, 4));

        assertThatThrownBy(() -> lookup().lookup(ACCOUNT, ServiceName.LOGIN))
                .isInstanceOfSatisfying(ServiceUnavailableException.class, e -> assertThat(e.retryable()).isTrue())
                .hasMessageContaining("HTTP 500")
                .hasMessageContaining("4 attempts");
        assertThat(csdsRequests()).isEqualTo(4);
    }

    @Test
    void a_domain_api_answering_429_is_asked_again_after_the_general_floor() {
        emulator().inject(Fault.status(Endpoint.CSDS, 429, 1));

        assertThat(lookup().lookup(ACCOUNT, ServiceName.LOGIN)).isEqualTo(emulatorHost());
        assertThat(csdsRequests()).isEqualTo(2);
    }

    @Test
    void a_malformed_domain_api_answer_is_a_protocol_violation_and_not_cached() {
        emulator().inject(Fault.malformed(Endpoint.CSDS, 1));
        DomainLookup lookup = lookup();

        assertThatThrownBy(() -> lookup.lookup(ACCOUNT, ServiceName.LOGIN))
                .isInstanceOf(ProtocolViolationException.class);
        assertThat(lookup.lookup(ACCOUNT, ServiceName.LOGIN)).isEqualTo(emulatorHost());
        assertThat(csdsRequests()).isEqualTo(2);
    }

    @Test
    void an_unknown_account_costs_one_request_and_is_not_retried() {
        assertThatThrownBy(() -> lookup().lookup(AccountId.of("99999999"), ServiceName.LOGIN))
                .isInstanceOf(DomainNotFoundException.class);

        assertThat(csdsRequests()).isEqualTo(1);
    }

    @Test
    void a_service_missing_from_the_all_services_answer_is_confirmed_with_the_single_service_request() {
        assertThatThrownBy(() -> lookup().lookup(ACCOUNT, ServiceName.of("noSuchService")))
                .isInstanceOf(DomainNotFoundException.class);

        assertThat(csdsRequests()).as("all services, then the single-service shape").isEqualTo(2);
    }

    @Test
    void overrides_win_and_need_no_request() {
        ServiceHost elsewhere = ServiceHost.of("login.example.test:8443");
        DomainLookup lookup = lookup(TestSettings.fast(emulator(), certificates)
                .toBuilder().overrides(Map.of(ServiceName.LOGIN, elsewhere)).build());

        assertThat(lookup.lookup(ACCOUNT, ServiceName.LOGIN)).isEqualTo(elsewhere);
        assertThat(csdsRequests()).isZero();
        assertThat(lookup.lookupAll(ACCOUNT)).containsEntry(ServiceName.LOGIN, elsewhere)
                .containsEntry(SENTINEL, emulatorHost());
    }

    @Test
    void hosts_seeded_from_a_login_answer_need_no_request_until_they_expire() throws Exception {
        ServiceHost seeded = ServiceHost.of("va.agentvep.liveperson.net");
        HttpDomainLookup lookup = lookup(TestSettings.fast(emulator(), certificates));
        lookup.seed(ACCOUNT, Map.of(ServiceName.LOGIN, seeded));

        assertThat(lookup.lookup(ACCOUNT, ServiceName.LOGIN)).isEqualTo(seeded);
        assertThat(csdsRequests()).isZero();

        clock.advance(Duration.ofMinutes(10));
        assertThat(lookup.lookup(ACCOUNT, ServiceName.LOGIN)).as("stale, while revalidated").isEqualTo(seeded);
        assertThat(lookup.awaitRevalidations(Duration.ofSeconds(5))).isTrue();
        assertThat(lookup.lookup(ACCOUNT, ServiceName.LOGIN)).isEqualTo(emulatorHost());
        assertThat(csdsRequests()).isEqualTo(1);
    }

    @Test
    void accounts_are_cached_separately() {
        DomainLookup lookup = lookup();
        lookup.seed(AccountId.of("11111111"), Map.of(ServiceName.LOGIN, ServiceHost.of("other.example.test")));

        assertThat(lookup.lookup(ACCOUNT, ServiceName.LOGIN)).isEqualTo(emulatorHost());
        assertThat(lookup.lookup(AccountId.of("11111111"), ServiceName.LOGIN))
                .isEqualTo(ServiceHost.of("other.example.test"));
        assertThat(csdsRequests()).isEqualTo(1);
    }
}
