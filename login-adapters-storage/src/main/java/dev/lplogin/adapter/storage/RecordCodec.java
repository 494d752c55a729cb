package dev.lplogin.adapter.storage;

import dev.lplogin.adapter.storage.WireFormat.EnvelopeJson;
import dev.lplogin.adapter.storage.WireFormat.LeaseJson;
import dev.lplogin.adapter.storage.WireFormat.SessionJson;
import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.Lease;
import dev.lplogin.domain.port.StoreException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.util.Map;
import java.util.function.Function;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
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
    private final Optional<String> domainApi;

    RecordCodec(Optional<EncryptionKey> key) {
        this(key, Optional.empty());
    }

    /**
     * @param domainApi the Domain API base the sessions of this store were obtained through, when the store is tied
     *                  to one: part of each record's name and envelope (and of a sealed record's associated data), so
     *                  that a session obtained through one Domain API is never handed to a client of another
     */
    RecordCodec(Optional<EncryptionKey> key, Optional<URI> domainApi) {
        this.key = Objects.requireNonNull(key, "key");
        this.domainApi = Objects.requireNonNull(domainApi, "domain API").map(RecordCodec::normalize);
    }

    /**
     * The name of {@code sessionKey}'s record: the hex SHA-256 of {@code account/loginName}, preceded by the Domain API
     * base and a newline when the store is tied to one. A fixed-length, path-safe name that hides nothing secret.
     */
    String nameOf(SessionKey sessionKey) {
        String identity = domainApi.map(base -> base + "\n").orElse("") + sessionKey;
        return HexFormat.of().formatHex(Digests.sha256(identity.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Whether {@code content} is a record of this codec's Domain API (absent on both sides counts as the same); a
     * record that is not even well-formed counts as ours, so that its reader deals with it.
     */
    boolean sameDomainApi(byte[] content) {
        try {
            return Objects.equals(parse(content, EnvelopeJson::from).domainApi(), domainApi.orElse(null));
        } catch (CorruptRecordException e) {
            return true;
        }
    }

    Optional<EncryptionKey> key() {
        return key;
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
                            domainApi.orElse(null), true, null, k.id(), base64(sealed.iv()),
                            base64(sealed.ciphertext()));
                })
                .orElseGet(() -> new EnvelopeJson(WireFormat.FORMAT, sessionKey.account().value(),
                        sessionKey.loginName(), domainApi.orElse(null), false, json, null, null, null));
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
        if (!Objects.equals(envelope.domainApi(), domainApi.orElse(null))) {
            // the name already depends on the Domain API: a record under our name with another one was put there
            throw new CorruptRecordException("it holds a session obtained through another Domain API");
        }
        boolean sealed = Boolean.TRUE.equals(envelope.encrypted());
        if (!sealed && key.isPresent()) {
            // Anyone who can write the store can write a plaintext record; with a key, only sealed ones are ours.
            throw new CorruptRecordException("it is not sealed, but a store key is configured: refused, since anyone"
                    + " who can write the store could have planted it");
        }
        SessionJson json = sealed ? parse(open(source, sessionKey, envelope), SessionJson::from) : envelope.session();
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
        EncryptionKey configured = key.orElseThrow(() -> new StoreException(file + " is sealed (key id "
                + keyId + ") but no store key is configured, so it cannot be opened and no login is made over it;"
                + " set " + EncryptionKey.KEY_VARIABLE + " or " + EncryptionKey.KEY_FILE_VARIABLE + " to the key it"
                + " was sealed with, or delete it to log in again", null, false));
        EncryptionKey opening = configured.opening(envelope.keyId()).orElseThrow(() -> new StoreException(file
                + " was sealed with another store key (key id " + keyId + "; this process has "
                + configured.describeIds() + "), so it cannot be opened and no login is made over it; set "
                + EncryptionKey.KEY_VARIABLE + " to the key it was sealed with (while rotating, keep the old key in "
                + EncryptionKey.PREVIOUS_VARIABLE + "), or delete it to log in again", null, false));
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
        return RecordCipher.open(opening, sealed, associatedData(sessionKey)).orElseThrow(() -> tampered(file));
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
                + " so its content cannot be trusted and no login is made over it. Delete it to log in again",
                null, false);
    }

    /**
     * Binds a ciphertext to its key, format and Domain API, so that a file moved or copied to another key, or to the
     * store of another Domain API, does not open. Untied stores keep the associated data of earlier versions.
     */
    private byte[] associatedData(SessionKey sessionKey) {
        return utf8("lp-login session format " + WireFormat.FORMAT + domainApi.map(base -> " via " + base).orElse("")
                + "\n" + sessionKey.account().value() + "\n" + sessionKey.loginName());
    }

    /** One spelling per base: scheme and host in lower case (as URIs compare them), no trailing slash. */
    private static String normalize(URI base) {
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT) + "://";
        String authority = base.getRawAuthority() == null ? "" : base.getRawAuthority().toLowerCase(Locale.ROOT);
        String path = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
        return scheme + authority + path;
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
