package dev.lplogin.adapter.storage;

import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.StoreException;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The session record of {@link FileTokenStore}, for other stores that keep sessions as bytes (the Redis store does):
 * a JSON envelope with the key in clear and the session either in clear or, when an {@link EncryptionKey} is given,
 * sealed with AES-256-GCM under that key and bound to the session key. One format means one meaning of
 * {@value EncryptionKey#KEY_VARIABLE} for every store, and one implementation of the cipher to review.
 *
 * <p>Immutable and thread-safe. Neither records nor messages of exceptions contain a secret in clear when a key is
 * given; without one the record holds the bearer in plain text, as the file store's plaintext files do.
 */
public final class SessionRecordFormat {

    private final RecordCodec codec;

    private SessionRecordFormat(RecordCodec codec) {
        this.codec = codec;
    }

    /** Records sealed under {@code key} when present, plaintext otherwise; not tied to a Domain API. */
    public static SessionRecordFormat of(Optional<EncryptionKey> key) {
        return new SessionRecordFormat(new RecordCodec(Objects.requireNonNull(key, "key")));
    }

    /**
     * Records sealed under {@code key} when present, plaintext otherwise, tied to the Domain API base
     * {@code domainApi} when present: its base is part of each record's {@link #nameOf name}, envelope and sealed
     * associated data, so that a session obtained through one Domain API never opens for a client of another.
     */
    public static SessionRecordFormat of(Optional<EncryptionKey> key, Optional<URI> domainApi) {
        return new SessionRecordFormat(new RecordCodec(Objects.requireNonNull(key, "key"),
                Objects.requireNonNull(domainApi, "domain API")));
    }

    /**
     * The name of {@code key}'s record, the same in every store: the hex SHA-256 of {@code account/loginName}
     * (preceded by the Domain API base and a newline when the format is tied to one). Path- and key-safe; no secret.
     */
    public String nameOf(SessionKey key) {
        return codec.nameOf(Objects.requireNonNull(key, "key"));
    }

    /**
     * Whether {@code record} belongs to this format's Domain API (or, for an untied format, to none): records of
     * others are not this store's to list or touch. A record that is not well-formed counts as belonging here, so
     * that its reader reports it.
     */
    public boolean sameDomainApi(byte[] record) {
        return codec.sameDomainApi(Objects.requireNonNull(record, "record"));
    }

    /** Whether records are sealed (a key was given). */
    public boolean seals() {
        return codec.encrypts();
    }

    /** The record of {@code session}, its version included. */
    public byte[] encode(Session session) {
        return codec.encode(Objects.requireNonNull(session, "session"));
    }

    /**
     * The session in {@code record}.
     *
     * @param source names where the record came from in error messages (a file, a Redis key); not a secret
     * @throws CorruptRecordException if the record is not well-formed (torn, edited, not ours), or is not sealed
     *                                although a key is given (anyone who can write the store could have planted
     *                                it): the caller decides whether to move it aside or skip it, and never uses it
     * @throws StoreException         (not retryable) if it is well-formed but cannot be opened: sealed and no key is
     *                                given, sealed under none of the given keys, failed authentication, or a newer
     *                                format. Its message names the problem and the fix, never a secret
     */
    public Session decode(String source, byte[] record) throws CorruptRecordException {
        return codec.decode(Objects.requireNonNull(source, "source"), Objects.requireNonNull(record, "record"));
    }

    @Override
    public String toString() {
        return "SessionRecordFormat[" + (seals() ? "sealed" : "plaintext") + "]";
    }
}
