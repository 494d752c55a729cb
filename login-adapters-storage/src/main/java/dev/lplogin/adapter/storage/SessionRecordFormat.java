package dev.lplogin.adapter.storage;

import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.port.StoreException;
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

    private SessionRecordFormat(Optional<EncryptionKey> key) {
        this.codec = new RecordCodec(key);
    }

    /** Records sealed under {@code key} when present, plaintext otherwise. */
    public static SessionRecordFormat of(Optional<EncryptionKey> key) {
        return new SessionRecordFormat(Objects.requireNonNull(key, "key"));
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
     * @throws CorruptRecordException if the record is not well-formed (torn, edited, not ours): the caller decides
     *                                whether to move it aside or skip it
     * @throws StoreException         (not retryable) if it is well-formed but cannot be opened: sealed and no key is
     *                                given, sealed under another key, failed authentication, or a newer format
     */
    public Session decode(String source, byte[] record) throws CorruptRecordException {
        return codec.decode(Objects.requireNonNull(source, "source"), Objects.requireNonNull(record, "record"));
    }

    @Override
    public String toString() {
        return "SessionRecordFormat[" + (seals() ? "sealed" : "plaintext") + "]";
    }
}
