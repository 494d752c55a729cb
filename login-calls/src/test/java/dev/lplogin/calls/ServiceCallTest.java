package dev.lplogin.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lplogin.domain.model.ServiceName;
import dev.lplogin.domain.model.SessionKey;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a call may hold, what it says about itself, and which bodies can be replayed. */
class ServiceCallTest {

    private static final SessionKey KEY = SessionKey.of("12345678", "demo");
    private static final ServiceName SERVICE = ServiceName.of("accountConfigReadOnly");

    @Test
    void theAccountPlaceholderIsFilledInWithTheSessionsAccount() {
        var call = ServiceCall.get(KEY, SERVICE, "/api/account/{accountId}/x?v=2.0&of={accountId}");

        assertThat(call.resolvedPathAndQuery()).isEqualTo("/api/account/12345678/x?v=2.0&of=12345678");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "api/x", "//evil.example/x", "/a b", "/x#frag", "/x\r\nHost: evil", "https://e/x"})
    void aPathThatIsNotAnAbsolutePathAndQueryIsRefused(String path) {
        assertThatThrownBy(() -> ServiceCall.get(KEY, SERVICE, path))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must start with a single '/'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Authorization", "authorization", "Host", "Content-Length", "Connection", "Expect",
        "Upgrade"})
    void headersTheCallSetsItselfAreRefused(String name) {
        assertThatThrownBy(() -> ServiceCall.get(KEY, SERVICE, "/x").withHeader(name, "v"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("set by the call itself");
    }

    @Test
    void badMethodsHeaderNamesAndValuesAreRefusedWithoutEchoingTheValue() {
        assertThatThrownBy(() -> ServiceCall.of(KEY, SERVICE, "GE T", "/x")).hasMessageContaining("HTTP method");
        assertThatThrownBy(() -> ServiceCall.get(KEY, SERVICE, "/x").withHeader("X Y", "v"))
                .hasMessageContaining("not a valid header name");
        assertThatThrownBy(() -> ServiceCall.get(KEY, SERVICE, "/x").withHeader("X-Y", "secret\r\nInjected: 1"))
                .hasMessageContaining("line break").hasMessageNotContaining("secret");
    }

    @Test
    void toStringShowsHeaderNamesButNeverValuesOrBodies() {
        var call = ServiceCall.of(KEY, SERVICE, "POST", "/x").withHeader("X-Api-Key", "k-3f9a")
                .withBody(CallBody.ofString("{\"password\":\"p-77\"}"));

        assertThat(call.toString()).contains("X-Api-Key", "POST", "/x", "12345678/demo")
                .doesNotContain("k-3f9a", "p-77");
    }

    @Test
    void bytesTextAndFilesAreReplayableStreamsAreNot(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("body.json"), "{}");

        assertThat(CallBody.none().replayable()).isTrue();
        assertThat(CallBody.ofBytes(new byte[] {1}).replayable()).isTrue();
        assertThat(CallBody.ofString("x").replayable()).isTrue();
        assertThat(CallBody.ofFile(file).replayable()).isTrue();
        assertThat(CallBody.ofInputStream(new ByteArrayInputStream(new byte[0])).replayable()).isFalse();
        assertThatThrownBy(() -> CallBody.ofFile(dir.resolve("missing.json")))
                .hasMessageContaining("not a readable file");
    }

    @Test
    void idempotentMethodsAreThoseOfRfc9110() {
        assertThat(ServiceCall.of(KEY, SERVICE, "PUT", "/x").idempotent()).isTrue();
        assertThat(ServiceCall.of(KEY, SERVICE, "DELETE", "/x").idempotent()).isTrue();
        assertThat(ServiceCall.of(KEY, SERVICE, "POST", "/x").idempotent()).isFalse();
        assertThat(ServiceCall.of(KEY, SERVICE, "PATCH", "/x").idempotent()).isFalse();
    }
}
