package dev.lplogin.calls;

import static dev.lplogin.calls.CallsRig.DEMO;

import dev.lplogin.domain.model.ServiceName;
import dev.lplogin.testkit.ConcurrentCallsScenario;
import dev.lplogin.testkit.EmulatorExtension;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java half of the killed-session scenario: 200 concurrent reads and writes through the helper while the
 * session is killed at the emulator mid-run (the agent proxy's half runs the same {@link ConcurrentCallsScenario}).
 */
class ConcurrentCallsTest {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.https();

    @TempDir
    Path dir;

    @Test
    void twoHundredCallsWhileTheSessionIsKilledMidRun() throws Exception {
        try (CallsRig rig = CallsRig.against(EMULATOR.emulator(), dir)) {
            rig.loginDemo();

            ConcurrentCallsScenario.of(EMULATOR.emulator(), 200).run(call -> {
                var request = ServiceCall.of(DEMO, ServiceName.of(call.service()), call.method(),
                        call.pathAndQuery());
                if (call.write()) {
                    request = request.withHeader("Content-Type", "application/json").withHeader("If-Match", "*")
                            .withBody(CallBody.ofString(call.jsonBody()));
                }
                return rig.calls.send(request, BodyHandlers.discarding()).statusCode();
            });
        }
    }
}
