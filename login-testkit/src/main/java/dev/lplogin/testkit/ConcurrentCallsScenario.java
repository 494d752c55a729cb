package dev.lplogin.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lplogin.emulator.DemoAccount;
import dev.lplogin.emulator.Endpoint;
import dev.lplogin.emulator.LoginEmulator;
import dev.lplogin.emulator.RecordedApiRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Many concurrent calls to the emulator's protected skills API while the session is killed mid-run — the scenario
 * every face of the bearer-using calls must pass, whatever sends them (the Java helper, the agent's proxy, …):
 * exactly one re-login, every call answered 2xx, no call sent more than twice (one replay), every write applied
 * exactly once.
 *
 * <p>The first half of the calls starts at once; when a quarter of all calls have been answered, the demo user's
 * session is killed at the emulator; then the second half starts, so calls are in flight with the dead bearer both
 * at the kill and after it. The session must be logged in (one login) before {@link #run}.
 *
 * <pre>{@code
 * ConcurrentCallsScenario.of(emulator, 200).run(call -> myClient.send(call.method(), call.pathAndQuery(),
 *         call.jsonBody()).statusCode());
 * }</pre>
 */
public final class ConcurrentCallsScenario {

    /** The skills collection of the demo account, with the {@code {accountId}} placeholder. */
    public static final String SKILLS_PATH = "/api/account/{accountId}/configuration/le-users/skills";

    /**
     * One call to make: a read ({@code GET}, service {@code accountConfigReadOnly}) or a write ({@code POST},
     * service {@code accountConfigReadWrite}, {@code Content-Type: application/json}, {@code If-Match: *}).
     *
     * @param index        0 … calls − 1
     * @param write        whether it is a write
     * @param pathAndQuery {@link #SKILLS_PATH} with a query naming the call ({@code ?v=2.0&call=N}), so that the
     *                     emulator's request log shows how often each call was sent
     */
    public record Call(int index, boolean write, String pathAndQuery) {

        /** {@code GET} or {@code POST}. */
        public String method() {
            return write ? "POST" : "GET";
        }

        /** The Domain API service name to resolve the host with. */
        public String service() {
            return write ? "accountConfigReadWrite" : "accountConfigReadOnly";
        }

        /** The name of the skill a write creates. */
        public String skillName() {
            return "skill-" + index;
        }

        /** The body of a write, {@code {"name":"skill-N"}}; empty for a read. */
        public String jsonBody() {
            return write ? "{\"name\":\"" + skillName() + "\"}" : "";
        }
    }

    private final LoginEmulator emulator;
    private final int calls;

    private ConcurrentCallsScenario(LoginEmulator emulator, int calls) {
        this.emulator = Objects.requireNonNull(emulator, "emulator");
        if (calls < 4) {
            throw new IllegalArgumentException("the scenario needs at least 4 calls");
        }
        this.calls = calls;
    }

    /** {@code calls} calls, every third one a write, against the demo account of {@code emulator}. */
    public static ConcurrentCallsScenario of(LoginEmulator emulator, int calls) {
        return new ConcurrentCallsScenario(emulator, calls);
    }

    /**
     * Runs the calls through {@code send} (which answers the status it got) and asserts the outcome.
     *
     * @throws AssertionError if any of the four properties does not hold
     */
    public void run(Function<Call, Integer> send) throws InterruptedException {
        long loginsBefore = emulator.stats().requests(Endpoint.LOGIN);
        int logged = emulator.apiRequests().size();
        List<Call> all = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            all.add(new Call(i, i % 3 == 2, SKILLS_PATH + "?v=2.0&call=" + i));
        }
        CountDownLatch quarter = new CountDownLatch(calls / 4);
        List<Future<Integer>> statuses = new ArrayList<>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Call call : all.subList(0, calls / 2)) {
                statuses.add(threads.submit(() -> answer(send, call, quarter)));
            }
            assertThat(quarter.await(60, TimeUnit.SECONDS)).as("a quarter of the calls answered").isTrue();
            emulator.expireSessions(DemoAccount.ACCOUNT_ID, DemoAccount.USERNAME);
            for (Call call : all.subList(calls / 2, calls)) {
                statuses.add(threads.submit(() -> answer(send, call, quarter)));
            }
        }
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            try {
                codes.add(status.get());
            } catch (ExecutionException e) {
                throw new AssertionError("a call failed: " + e.getCause(), e.getCause());
            }
        }

        assertThat(codes).as("every call answered 2xx").allSatisfy(code -> assertThat(code).isBetween(200, 299));
        assertThat(emulator.stats().requests(Endpoint.LOGIN) - loginsBefore).as("re-logins").isEqualTo(1);
        List<RecordedApiRequest> sent = emulator.apiRequests();
        Map<String, Long> sends = sent.subList(Math.min(logged, sent.size()), sent.size()).stream()
                .collect(Collectors.groupingBy(request -> request.query().orElse(""), Collectors.counting()));
        assertThat(sends).as("times each call was sent").hasSize(calls)
                .allSatisfy((query, times) -> assertThat(times).as(query).isBetween(1L, 2L));
        List<String> skills = emulator.skillNames(DemoAccount.ACCOUNT_ID);
        List<String> written = all.stream().filter(Call::write).map(Call::skillName).toList();
        assertThat(skills).as("every write applied exactly once").containsExactlyInAnyOrderElementsOf(written);
    }

    private static int answer(Function<Call, Integer> send, Call call, CountDownLatch quarter) {
        int status = send.apply(call);
        quarter.countDown();
        return status;
    }
}
