package dev.lplogin.calls;

import static dev.lplogin.calls.CallsRig.DEMO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.ServiceName;
import dev.lplogin.domain.port.DomainNotFoundException;
import dev.lplogin.domain.port.InfrastructureException;
import dev.lplogin.domain.port.Operation;
import dev.lplogin.emulator.DemoAccount;
import dev.lplogin.emulator.Endpoint;
import dev.lplogin.emulator.Fault;
import dev.lplogin.emulator.LoginEmulator;
import dev.lplogin.emulator.RecordedApiRequest;
import dev.lplogin.testkit.EmulatorExtension;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The calls helper against the emulator's protected skills API over real loopback HTTPS. */
class LivePersonCallsTest {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.https();

    static final ServiceName READ = ServiceName.of("accountConfigReadOnly");
    static final ServiceName WRITE = ServiceName.of("accountConfigReadWrite");
    static final String SKILLS = "/api/account/{accountId}/configuration/le-users/skills";

    @TempDir
    Path dir;

    private CallsRig rig;

    @BeforeEach
    void start() {
        rig = CallsRig.against(emulator(), dir);
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    private static LoginEmulator emulator() {
        return EMULATOR.emulator();
    }

    static ServiceCall read(String query) {
        return ServiceCall.get(DEMO, READ, SKILLS + "?v=2.0" + query);
    }

    static ServiceCall write(String name, CallBody body) {
        return ServiceCall.of(DEMO, WRITE, "POST", SKILLS + "?v=2.0&name=" + name)
                .withHeader("Content-Type", "application/json").withHeader("If-Match", "*").withBody(body);
    }

    static ServiceCall write(String name) {
        return write(name, CallBody.ofString("{\"name\":\"" + name + "\"}"));
    }

    private static long sends(Endpoint endpoint) {
        return emulator().stats().requests(endpoint);
    }

    @Test
    void aReadGoesToTheServicesHostWithTheBearerAndTheUserAgentAndTheAccountFilledIn() {
        rig.loginDemo();

        HttpResponse<String> answer = rig.calls.send(read(""), BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("[]");
        assertThat(answer.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(answer.uri().toString()).isEqualTo(emulator().baseUrl()
                + "/api/account/" + DemoAccount.ACCOUNT_ID + "/configuration/le-users/skills?v=2.0");
        RecordedApiRequest seen = emulator().apiRequests().getFirst();
        assertThat(seen.headerNames()).contains("authorization", "user-agent").doesNotContain("cookie");
    }

    @Test
    void aWriteWithTheCurrentRevisionIsAppliedOnce() {
        rig.loginDemo();
        String etag = rig.calls.send(read(""), BodyHandlers.discarding()).headers().firstValue("ETag").orElseThrow();

        var created = rig.calls.send(ServiceCall.of(DEMO, WRITE, "POST", SKILLS)
                .withHeader("Content-Type", "application/json").withHeader("If-Match", etag)
                .withBody(CallBody.ofString("{\"name\":\"billing\"}")), BodyHandlers.ofString());

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(emulator().skillNames(DemoAccount.ACCOUNT_ID)).containsExactly("billing");
    }

    @Test
    void concurrentCallsOnAKilledSessionCauseOneLoginAndEachIsReplayedOnce() throws Exception {
        rig.loginDemo();
        emulator().expireSessions(DemoAccount.ACCOUNT_ID, DemoAccount.USERNAME);
        long loginsBefore = rig.logins();

        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            answers.add(rig.calls.sendAsync(i % 2 == 0 ? read("&call=" + i) : write("skill-" + i),
                    BodyHandlers.ofString()));
        }

        assertThat(answers).allSatisfy(answer -> assertThat(answer.get().statusCode()).isBetween(200, 201));
        assertThat(rig.logins() - loginsBefore).as("re-logins").isEqualTo(1);
        assertThat(rig.counted.invalidations()).isBetween(1, 24);
        Map<String, Long> sendsPerCall = emulator().apiRequests().stream()
                .collect(Collectors.groupingBy(r -> r.query().orElseThrow(), Collectors.counting()));
        // a call that took its bearer after another's re-login went out once; none more than twice
        assertThat(sendsPerCall).hasSize(24).allSatisfy((call, n) -> assertThat(n).as(call).isBetween(1L, 2L));
        assertThat(sendsPerCall.values()).as("the first calls met the dead bearer").contains(2L);
        assertThat(emulator().skillNames(DemoAccount.ACCOUNT_ID)).hasSize(12);
    }

    @Test
    void aOneShotBodyIsSentOnceAndItsUnauthorizedAnswerReturned() {
        rig.loginDemo();
        emulator().expireSessions(DemoAccount.ACCOUNT_ID, DemoAccount.USERNAME);
        long loginsBefore = rig.logins();
        var stream = new ByteArrayInputStream("{\"name\":\"once\"}".getBytes(StandardCharsets.UTF_8));

        var answer = rig.calls.send(write("once", CallBody.ofInputStream(stream)), BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).contains("UNAUTHORIZED");
        assertThat(sends(Endpoint.CREATE_SKILL)).isEqualTo(1);
        assertThat(emulator().skillNames(DemoAccount.ACCOUNT_ID)).isEmpty();
        assertThat(rig.counted.invalidations()).isEqualTo(1);
        assertThat(rig.logins()).as("no login on the caller's time").isEqualTo(loginsBefore);
        // the bearer was invalidated: the next call logs in once and succeeds without a replay
        assertThat(rig.calls.send(read(""), BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        assertThat(rig.logins()).isEqualTo(loginsBefore + 1);
        assertThat(sends(Endpoint.LIST_SKILLS)).isEqualTo(1);
    }

    @Test
    void aForbiddenAnswerIsReturnedWithoutReplayOrInvalidation() {
        Secret bearer = rig.loginDemo();
        long loginsBefore = rig.logins();

        var answer = rig.calls.send(ServiceCall.get(DEMO, READ, "/api/account/87654321/configuration/le-users/skills"),
                BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("FORBIDDEN");
        assertThat(sends(Endpoint.LIST_SKILLS)).isEqualTo(1);
        assertThat(rig.logins()).isEqualTo(loginsBefore);
        assertThat(rig.counted.invalidations()).isZero();
        assertThat(rig.core.bearer(DEMO)).as("still the same bearer").isEqualTo(bearer);
        assertThat(emulator().isBearerValid(bearer.reveal())).isTrue();
    }

    @Test
    void aBearerReplacedByAnotherCallerBeforeThe401IsUsedForTheReplayWithoutAnotherLogin() throws Exception {
        Secret first = rig.loginDemo();
        emulator().inject(Fault.delay(Endpoint.LIST_SKILLS, Duration.ofMillis(700), 1));

        var slow = rig.calls.sendAsync(read("&call=slow"), BodyHandlers.ofString());
        while (sends(Endpoint.LIST_SKILLS) == 0) {
            Thread.sleep(5);
        }
        // while the slow call waits at the emulator, its session dies and another caller logs in again
        emulator().expireSessions(DemoAccount.ACCOUNT_ID, DemoAccount.USERNAME);
        rig.core.invalidate(DEMO, first);
        Secret second = rig.core.bearer(DEMO);
        long logins = rig.logins();

        assertThat(second).isNotEqualTo(first);
        assertThat(slow.get().statusCode()).isEqualTo(200);
        assertThat(rig.logins()).as("no login for the replay").isEqualTo(logins);
        assertThat(rig.counted.invalidations()).as("the helper invalidated nothing").isZero();
        assertThat(rig.core.bearer(DEMO)).isEqualTo(second);
        assertThat(emulator().apiRequests()).extracting(RecordedApiRequest::status).containsExactly(401, 200);
    }

    @Test
    void aSecondUnauthorizedAnswerIsReturnedAsItIs() {
        rig.loginDemo();
        emulator().inject(Fault.status(Endpoint.LIST_SKILLS, 401, 2));

        var answer = rig.calls.send(read(""), BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).contains("injected fault");
        assertThat(sends(Endpoint.LIST_SKILLS)).isEqualTo(2);
    }

    @Test
    void serverErrorsAndTimeoutsAreNotRetriedByDefault() {
        rig.loginDemo();
        emulator().inject(Fault.status(Endpoint.LIST_SKILLS, 503, 1));
        assertThat(rig.calls.send(read(""), BodyHandlers.ofString()).statusCode()).isEqualTo(503);
        assertThat(sends(Endpoint.LIST_SKILLS)).isEqualTo(1);

        try (CallsRig impatient = CallsRig.against(emulator(), dir, UnaryOperator.identity(),
                CallSettings.defaults().withRequestTimeout(Duration.ofMillis(300)))) {
            emulator().inject(Fault.delay(Endpoint.LIST_SKILLS, Duration.ofSeconds(2), 1));
            impatient.loginDemo();

            assertThatThrownBy(() -> impatient.calls.send(read(""), BodyHandlers.ofString()))
                    .isInstanceOfSatisfying(InfrastructureException.class,
                            e -> assertThat(e.operation()).isEqualTo(Operation.API_CALL))
                    .hasMessageStartingWith("call to a LivePerson API: ");
            assertThat(sends(Endpoint.LIST_SKILLS)).isEqualTo(2);
        }
    }

    @Test
    void idempotentCallsFollowLivePersonsRetryPolicyOnlyWhenAskedTo() {
        try (CallsRig retrying = CallsRig.against(emulator(), dir,
                http -> http.retryDelays(List.of(Duration.ofMillis(20), Duration.ofMillis(20))),
                CallSettings.defaults().withRetryOfIdempotentCalls(true))) {
            retrying.loginDemo();
            emulator().inject(Fault.status(Endpoint.LIST_SKILLS, 503, 2));
            emulator().inject(Fault.status(Endpoint.CREATE_SKILL, 503, 1));

            assertThat(retrying.calls.send(read(""), BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            assertThat(sends(Endpoint.LIST_SKILLS)).isEqualTo(3);
            assertThat(retrying.calls.send(write("billing"), BodyHandlers.ofString()).statusCode())
                    .as("a POST is not idempotent").isEqualTo(503);
            assertThat(sends(Endpoint.CREATE_SKILL)).isEqualTo(1);
        }
    }

    @Test
    void aFileBodyIsReplayed() throws Exception {
        rig.loginDemo();
        Path body = Files.writeString(dir.resolve("skill.json"), "{\"name\":\"from-file\"}");
        emulator().expireSessions(DemoAccount.ACCOUNT_ID, DemoAccount.USERNAME);

        var answer = rig.calls.send(write("from-file", CallBody.ofFile(body)), BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(sends(Endpoint.CREATE_SKILL)).isEqualTo(2);
        assertThat(emulator().skillNames(DemoAccount.ACCOUNT_ID)).containsExactly("from-file");
    }

    @Test
    void anUnknownServiceOrANotLoggedInSessionIsTheProjectsException() {
        assertThatThrownBy(() -> rig.calls.send(read(""), BodyHandlers.ofString()))
                .isInstanceOf(dev.lplogin.domain.usecase.SessionUnavailableException.class);
        rig.loginDemo();
        assertThatThrownBy(() -> rig.calls.send(ServiceCall.get(DEMO, ServiceName.of("noSuchService"), "/x"),
                BodyHandlers.ofString())).isInstanceOf(DomainNotFoundException.class);
    }

    @Test
    void asyncCallsAnswerLikeSyncOnes() throws Exception {
        rig.loginDemo();
        var answers = IntStream.range(0, 8)
                .mapToObj(i -> rig.calls.sendAsync(read("&call=" + i), BodyHandlers.ofString())).toList();
        for (var answer : answers) {
            assertThat(answer.get().statusCode()).isEqualTo(200);
        }
        assertThat(sends(Endpoint.LIST_SKILLS)).isEqualTo(8);
    }
}
