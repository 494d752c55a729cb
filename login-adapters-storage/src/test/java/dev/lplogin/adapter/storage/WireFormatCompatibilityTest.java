package dev.lplogin.adapter.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.ServiceHost;
import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.model.SessionCookie;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.Lease;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The store's files are read and written by hand ({@link RecordJson}) so that reading a session loads no JSON-B;
 * the files must stay what Yasson wrote when it bound the format's records: byte for byte, both ways.
 */
class WireFormatCompatibilityTest {

    /** The format's records as Yasson bound them (public, as Yasson's public lookup needs). */
    public record EnvelopeJson(Integer format, String account, String loginName, Boolean encrypted,
                               SessionJson session, String keyId, String iv, String ciphertext) {
    }

    public record SessionJson(String loginHost, String bearer, String csrf, List<CookieJson> cookies, String userId,
                              String userPid, String issuedAt, String lastConfirmedAt, String maxLifetime,
                              Long version) {
    }

    public record CookieJson(String name, String value) {
    }

    public record LeaseJson(Integer format, String token, Long fence, String expiresAt, Boolean released,
                            Boolean watched) {
    }

    private static final Jsonb YASSON = JsonbBuilder.create();
    private static final String FILE = "alice.json";
    private static final Instant ISSUED = Instant.parse("2026-11-27T19:00:00.123456789Z");

    private final RecordCodec codec = new RecordCodec(Optional.empty());

    @Test
    void a_plaintext_session_file_is_what_yasson_wrote() throws Exception {
        for (Session session : List.of(session("alice", "u-1", Optional.of("pid-1"), Optional.of(Duration.ofHours(8))),
                session("bob \"the\" \\ builder", "ü€ 😀 \"q\" \\ /", Optional.empty(), Optional.empty()))) {
            byte[] ours = codec.encode(session);
            byte[] theirs = YASSON.toJson(yassonEnvelope(session)).getBytes(StandardCharsets.UTF_8);

            assertThat(new String(ours, StandardCharsets.UTF_8)).isEqualTo(new String(theirs, StandardCharsets.UTF_8));
            assertThat(codec.decode(FILE, theirs)).isEqualTo(session);
            assertThat(YASSON.fromJson(new String(ours, StandardCharsets.UTF_8), EnvelopeJson.class))
                    .isEqualTo(yassonEnvelope(session));
        }
    }

    @Test
    void an_encrypted_session_file_has_the_same_envelope_and_opens() throws Exception {
        EncryptionKey key = EncryptionKey.generate();
        RecordCodec sealed = new RecordCodec(Optional.of(key));
        Session session = session("alice", "u-1", Optional.empty(), Optional.of(Duration.ofHours(8)));

        byte[] ours = sealed.encode(session);
        EnvelopeJson envelope = YASSON.fromJson(new String(ours, StandardCharsets.UTF_8), EnvelopeJson.class);

        assertThat(envelope.encrypted()).isTrue();
        assertThat(envelope.session()).isNull();
        assertThat(YASSON.toJson(envelope)).isEqualTo(new String(ours, StandardCharsets.UTF_8));
        assertThat(sealed.decode(FILE, ours)).isEqualTo(session);
    }

    @Test
    void a_lease_file_is_what_yasson_wrote_and_an_old_one_without_fence_still_reads() throws Exception {
        SessionKey key = SessionKey.of("12345678", "alice");
        Lease lease = new Lease(key, "token-1", 7, ISSUED);
        byte[] ours = codec.encode(new RecordCodec.LeaseRecord(new Leases.Grant(lease, true), false));

        assertThat(new String(ours, StandardCharsets.UTF_8)).isEqualTo(YASSON.toJson(
                new LeaseJson(1, "token-1", 7L, ISSUED.toString(), false, false)));
        assertThat(codec.decodeLease(key, ours).grant().lease()).isEqualTo(lease);
        String old = YASSON.toJson(new LeaseJson(1, "token-0", null, ISSUED.toString(), null, null));
        assertThat(codec.decodeLease(key, old.getBytes(StandardCharsets.UTF_8)).grant().lease().fence())
                .isEqualTo(1);
    }

    @Test
    void whitespace_unknown_members_and_escapes_written_by_others_are_read() throws Exception {
        Session session = session("alice", "u-1", Optional.empty(), Optional.empty());
        String pretty = new String(codec.encode(session), StandardCharsets.UTF_8)
                .replace("{", "{\n  \"comment\": [1, 2.5e3, -0, true, null, {\"x\": []}],\n  ")
                .replace(",", " ,\r\n\t").replace("\"alice\"", "\"\\u0061lic\\u0065\"");

        assertThat(codec.decode(FILE, pretty.getBytes(StandardCharsets.UTF_8))).isEqualTo(session);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "[]", "null", "{", "{\"format\":1", "{\"format\":1}x", "{\"format\":01}",
        "{\"format\":1,}", "{format:1}", "{\"format\":\"1\"}", "{\"format\":1.5}", "{\"a\":\"\\x\"}",
        "{\"a\":\"\u0001\"}", "{\"format\":1,\"session\":[]}", "{\"a\":tru}",
        "{\"a\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}"})
    void malformed_content_is_a_corrupt_record(String content) {
        assertThatThrownBy(() -> codec.decode(FILE, content.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CorruptRecordException.class);
    }

    @Test
    void bytes_that_are_not_utf8_are_a_corrupt_record() {
        byte[] content = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

        assertThatThrownBy(() -> codec.decode(FILE, content)).isInstanceOf(CorruptRecordException.class)
                .hasMessageContaining("UTF-8");
    }

    @Test
    void a_wrong_type_message_names_the_member_never_its_value() {
        String content = "{\"format\":1,\"account\":\"12345678\",\"loginName\":\"alice\",\"encrypted\":false,"
                + "\"session\":{\"bearer\":[\"secret-bearer\"]}}";

        assertThatThrownBy(() -> codec.decode(FILE, content.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CorruptRecordException.class).hasMessageContaining("bearer")
                .hasMessageNotContaining("secret-bearer");
    }

    private static Session session(String user, String userId, Optional<String> pid, Optional<Duration> ttl) {
        return new Session(SessionKey.of("12345678", user), ServiceHost.of("va.agentvep.liveperson.net"),
                Secret.of("bearer-" + user), Secret.of("csrf-1\t\n\r\b\f\u0001\u001f"),
                List.of(new SessionCookie("Session_id", Secret.of("cookie-1")),
                        new SessionCookie("other", Secret.of("cookie-2"))),
                userId, pid, ISSUED, ISSUED.plusSeconds(60), ttl, 3);
    }

    private static EnvelopeJson yassonEnvelope(Session s) {
        SessionJson json = new SessionJson(s.loginHost().value(), s.bearer().reveal(), s.csrf().reveal(),
                s.cookies().stream().map(c -> new CookieJson(c.name(), c.value().reveal())).toList(), s.userId(),
                s.userPid().orElse(null), s.issuedAt().toString(), s.lastConfirmedAt().toString(),
                s.maxLifetime().map(Duration::toString).orElse(null), s.version());
        return new EnvelopeJson(1, s.key().account().value(), s.key().loginName(), false, json, null, null, null);
    }
}
