package dev.lplogin.adapter.storage;

import dev.lplogin.adapter.storage.WireFormat.EnvelopeJson;
import dev.lplogin.adapter.storage.WireFormat.LeaseJson;
import dev.lplogin.adapter.storage.WireFormat.SessionJson;
import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.Lease;
import dev.lplogin.domain.port.StoreException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.util.Map;
import java.util.function.Function;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns sessions and leases into file content and back, encrypting sessions when a key is configured. Malformed
 * content is a {@link CorruptRecordException}; content that is well-formed but cannot be opened (no key, another key,
 * failed authentication, a newer format) is a {@link StoreException}, because moving it aside would hide a problem a
 * person must look at. Thread-safe.
 */
final class RecordCodec {

    private static final int TAG_BYTES = 16;
    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{16}");

    private final Optional<EncryptionKey> key;

    RecordCodec(Optional<EncryptionKey> key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    boolean encrypts() {
        return key.isPresent();
    }

    byte[] encode(Session session) {
        SessionKey sessionKey = session.key();
        SessionJson json = SessionJson.of(session);
        EnvelopeJson envelope = key
                .map(k -> {
                    RecordCipher.Sealed sealed =
                            RecordCipher.seal(k, utf8(RecordJson.object(json.members())), associatedData(sessionKey));
                    return new EnvelopeJson(WireFormat.FORMAT, sessionKey.account().value(), sessionKey.loginName(),
                            true, null, k.id(), base64(sealed.iv()), base64(sealed.ciphertext()));
                })
                .orElseGet(() -> new EnvelopeJson(WireFormat.FORMAT, sessionKey.account().value(),
                        sessionKey.loginName(), false, json, null, null, null));
        return utf8(RecordJson.object(envelope.members()));
    }

    /**
     * The session in {@code content}, read from {@code source} (a file, a Redis key: named in errors).
     *
     * @throws CorruptRecordException if the content is not a well-formed record
     * @throws StoreException         if it is well-formed but cannot be opened
     */
    Session decode(String source, byte[] content) throws CorruptRecordException {
        EnvelopeJson envelope = parse(content, EnvelopeJson::from);
        checkFormat(source, envelope.format());
        SessionKey sessionKey;
        try {
            sessionKey = SessionKey.of(envelope.account(), envelope.loginName());
        } catch (RuntimeException e) {
            throw new CorruptRecordException("no valid session key");
        }
        SessionJson json = Boolean.TRUE.equals(envelope.encrypted())
                ? parse(open(source, sessionKey, envelope), SessionJson::from)
                : envelope.session();
        if (json == null) {
            throw new CorruptRecordException("no session");
        }
        try {
            return json.toSession(sessionKey);
        } catch (RuntimeException e) {
            // The cause's text may quote the field's value, which may be a secret: say which kind of problem only.
            throw new CorruptRecordException("a session field is missing or invalid");
        }
    }

    /**
     * A lease file's content: the key's latest grant, and whether its holder keeps the key's {@code .held} file
     * locked (see {@link HolderLocks}).
     */
    record LeaseRecord(Leases.Grant grant, boolean watched) {
    }

    byte[] encode(LeaseRecord record) {
        Lease lease = record.grant().lease();
        return utf8(RecordJson.object(new LeaseJson(WireFormat.FORMAT, lease.token(), lease.fence(),
                lease.expiresAt().toString(), !record.grant().active(), record.watched()).members()));
    }

    /** The latest lease granted on {@code sessionKey}, as recorded in {@code content}. */
    LeaseRecord decodeLease(SessionKey sessionKey, byte[] content) throws CorruptRecordException {
        LeaseJson json = parse(content, LeaseJson::from);
        try {
            if (!Integer.valueOf(WireFormat.FORMAT).equals(json.format()) || json.token().isBlank()) {
                throw new IllegalArgumentException("unknown format or blank token");
            }
            long fence = json.fence() == null ? 1 : json.fence();
            Lease lease = new Lease(sessionKey, json.token(), fence, Instant.parse(json.expiresAt()));
            return new LeaseRecord(new Leases.Grant(lease, !Boolean.TRUE.equals(json.released())),
                    Boolean.TRUE.equals(json.watched()));
        } catch (RuntimeException e) {
            throw new CorruptRecordException("not a lease record");
        }
    }

    private byte[] open(String file, SessionKey sessionKey, EnvelopeJson envelope) {
        // the id comes from the file: echo it only if it has the shape of an id, never arbitrary content
        String keyId = envelope.keyId() != null && KEY_ID.matcher(envelope.keyId()).matches()
                ? envelope.keyId() : "unreadable";
        EncryptionKey configured = key.orElseThrow(() -> new StoreException(file + " is encrypted (key id "
                + keyId + ") but no key is configured; set " + EncryptionKey.KEY_VARIABLE + " or "
                + EncryptionKey.KEY_FILE_VARIABLE + " to the key it was written with", null, false));
        if (!configured.id().equals(envelope.keyId())) {
            throw new StoreException(file + " was encrypted with another key (key id " + keyId
                    + ", the configured key is " + configured.id() + "); configure the key it was written with, or"
                    + " delete it to log in again", null, false);
        }
        RecordCipher.Sealed sealed;
        try {
            sealed = new RecordCipher.Sealed(
                    Base64.getDecoder().decode(envelope.iv()), Base64.getDecoder().decode(envelope.ciphertext()));
        } catch (RuntimeException e) {
            throw tampered(file);
        }
        if (sealed.iv().length != RecordCipher.IV_BYTES || sealed.ciphertext().length < TAG_BYTES) {
            throw tampered(file);
        }
        return RecordCipher.open(configured, sealed, associatedData(sessionKey)).orElseThrow(() -> tampered(file));
    }

    private static void checkFormat(String file, Integer format) throws CorruptRecordException {
        if (format == null || format < 1) {
            throw new CorruptRecordException("no format version");
        }
        if (format > WireFormat.FORMAT) {
            throw new StoreException(file + " has format " + format + ", written by a newer lp-login; this one reads"
                    + " format " + WireFormat.FORMAT + ". Upgrade lp-login, or use another store",
                    null, false);
        }
    }

    private static StoreException tampered(String file) {
        return new StoreException(file + " failed authentication: it was modified or damaged after it was written,"
                + " so its content cannot be trusted. Delete it to log in again", null, false);
    }

    /** Binds a ciphertext to its key and format, so that a file moved or copied to another key does not open. */
    private static byte[] associatedData(SessionKey sessionKey) {
        return utf8("lp-login session format " + WireFormat.FORMAT + "\n" + sessionKey.account().value() + "\n"
                + sessionKey.loginName());
    }

    /** Strict UTF-8 (a damaged byte is corruption, not a replacement character), then strict JSON. */
    private static <T> T parse(byte[] content, Function<Map<String, Object>, T> reader)
            throws CorruptRecordException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new CorruptRecordException("not UTF-8 text");
        }
        Map<String, Object> object;
        try {
            object = RecordJson.parseObject(text);
        } catch (IllegalArgumentException e) {
            // the message holds an offset, never content
            throw new CorruptRecordException("not well-formed JSON (" + e.getMessage() + ")");
        }
        try {
            return reader.apply(object);
        } catch (RuntimeException e) {
            // RecordJson's messages name a member, never its value (it may be a secret)
            throw new CorruptRecordException("a field has the wrong type (" + e.getMessage() + ")");
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
