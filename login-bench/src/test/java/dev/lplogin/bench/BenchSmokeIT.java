package dev.lplogin.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every benchmark for one short iteration (bin/bench --smoke), so that the suite never rots: each must run and
 * produce its rows, and the numbers that are facts rather than timings must hold.
 */
class BenchSmokeIT {

    static Table table;

    @BeforeAll
    static void runAll() throws Exception {
        table = Bench.run(Bench.ALL, Bench.Mode.SMOKE, System.err);
    }

    @Test
    void the_table_prints_every_row() {
        var bytes = new ByteArrayOutputStream();
        table.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).hasSize(table.rows().size() + 2);
        assertThat(table.rows()).extracting(Table.Row::bench).containsAll(Bench.ALL);
    }

    @Test
    void hotpath_measures_lp_login_google_auth_and_the_floor_at_1_and_2_threads() {
        for (String threads : new String[] {"1 thread", "2 threads"}) {
            assertThat(number("hotpath", "bearer() lp-login, fresh session, " + threads)).isPositive();
            assertThat(number("hotpath", "google-auth getRequestMetadata(), cached token, " + threads)).isPositive();
            assertThat(number("hotpath", "volatile read (floor), " + threads)).isPositive();
            assertThat(number("hotpath", "lp-login / google-auth, " + threads)).isPositive();
        }
        assertThat(number("hotpath", "  allocated, 1 thread")).isNotNegative();
    }

    @Test
    void herd_of_virtual_threads_on_an_expired_session_costs_one_login() {
        assertThat(number("herd", "upstream logins per release")).isEqualTo(1);
        assertThat(number("herd", "wait max")).isGreaterThanOrEqualTo(number("herd", "wait p50"));
        assertThat(number("herd", "one login alone")).isPositive();
    }

    @Test
    void round_trips_count_requests_and_connections_per_step() {
        assertThat(value("roundtrips", "cold login: requests")).isEqualTo("csds 1, login 1");
        assertThat(value("roundtrips", "warm login: requests")).isEqualTo("login 1");
        assertThat(value("roundtrips", "refresh: requests")).isEqualTo("refresh 1");
        assertThat(value("roundtrips", "20 refreshes: requests")).isEqualTo("refresh 20");
        assertThat(number("roundtrips", "cold login: new TCP connections")).isGreaterThanOrEqualTo(1);
        assertThat(number("roundtrips", "20 refreshes: new TCP connections")).isZero();
        assertThat(value("roundtrips", "refresh after ")).as("the idle case ran").isEqualTo("refresh 1");
    }

    @Test
    void scale_keeps_sessions_alive_from_another_jvms_emulator() {
        assertThat(number("scale", "sessions kept alive")).isEqualTo(Scale.plan(Bench.Mode.SMOKE).sessions());
        assertThat(number("scale", "refreshes/s mean")).isPositive();
        assertThat(number("scale", "heap per session")).isNotNaN();
        assertThat(number("scale", "retried requests")).isNotNegative();
    }

    @Test
    void fleet_replicas_share_one_login_through_a_real_redis() {
        for (int n : new int[] {1, 3}) {
            assertThat(number("fleet", "N=" + n + " logins")).isEqualTo(1);
            assertThat(number("fleet", "N=" + n + " failed bearer() calls")).isZero();
            assertThat(number("fleet", "N=" + n + " Redis commands per replica per interval")).isPositive();
            assertThat(number("fleet", "N=" + n + " upstream refreshes per interval")).isPositive();
        }
    }

    @Test
    void cli_compares_token_and_help_with_the_jvm_floor() {
        assertThat(number("cli", "lp-login token, fresh stored session / floor")).isPositive();
        assertThat(number("cli", "lp-login --help / floor")).isPositive();
        assertThat(number("cli", "classes loaded by lp-login token")).isPositive();
        // a fresh stored session and the usage text need no network: nothing of JSON-B, TLS or the HTTP client
        assertThat(number("cli", "  of them JSON-B/JSON-P, TLS, HttpClient (token)")).isZero();
        assertThat(number("cli", "  of them JSON-B/JSON-P, TLS, HttpClient (--help)")).isZero();
        // scripts run `token` in a loop: its plain form is parsed without picocli's reflective model (TokenFastPath)
        assertThat(number("cli", "  of them picocli (token)")).isZero();
        assertThat(number("cli", "  of them picocli (--help)")).isPositive();
    }

    @Test
    void calls_compare_the_helper_and_the_agent_proxy_with_the_bare_jdk_client() {
        assertThat(number("calls", "GET via the calls helper, median")).isPositive();
        assertThat(number("calls", "GET via the JDK client, fixed bearer, median")).isPositive();
        assertThat(number("calls", "helper / raw (median)")).isPositive();
        assertThat(number("calls", Calls.CLIENTS + " clients, JDK client direct")).isPositive();
        assertThat(number("calls", Calls.CLIENTS + " clients, via the calls helper")).isPositive();
        assertThat(number("calls", Calls.CLIENTS + " clients, through the agent proxy")).isPositive();
        assertThat(number("calls", "agent proxy / direct (throughput)")).isPositive();
    }

    private static String value(String bench, String metric) {
        return table.find(bench, metric).orElseThrow(() -> new AssertionError("no row " + bench + " / " + metric
                + " in " + table.rows())).value();
    }

    private static double number(String bench, String metric) {
        return Double.parseDouble(value(bench, metric));
    }
}
