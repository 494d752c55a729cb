package dev.lplogin.adapter.storage;

import dev.lplogin.domain.port.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The 256-bit AES key that seals session records at rest ({@link FileTokenStore}, the Redis store), with the
 * <em>previous</em> keys that still open records sealed before a rotation. Read from {@value #KEY_VARIABLE} (base64 of
 * exactly 32 bytes) or from the file named by {@value #KEY_FILE_VARIABLE} (the same base64 text, in a file only its
 * owner can read; further lines are previous keys), plus {@value #PREVIOUS_VARIABLE} (previous keys, separated by
 * commas or white space).
 *
 * <p>New records are always sealed with the current key; a record sealed with a previous key opens, and is sealed with
 * the current key at its next save. A record sealed with none of them is an error, never "nothing stored".
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows only the keys' {@link #id() ids}, never a key. Every
 * problem is a {@link StoreException} (not retryable) that says how to fix it and never echoes the key material.
 */
public final class EncryptionKey {

    /** Environment variable holding the key as base64 of 32 bytes. */
    public static final String KEY_VARIABLE = "LP_STORE_KEY";
    /** Environment variable naming a file that holds the key as base64 of 32 bytes. */
    public static final String KEY_FILE_VARIABLE = "LP_STORE_KEY_FILE";
    /** Environment variable holding previous keys (base64, separated by commas or white space) during a rotation. */
    public static final String PREVIOUS_VARIABLE = "LP_STORE_KEY_PREVIOUS";

    static final int KEY_BYTES = 32;
    private static final String HOW_TO_GENERATE = "generate one with: head -c 32 /dev/urandom | base64";
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.complementOf(
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.OWNER_EXECUTE));

    private final byte[] bytes;
    private final String id;
    private final List<EncryptionKey> previous;

    private EncryptionKey(byte[] bytes) {
        this(bytes, List.of());
    }

    private EncryptionKey(byte[] bytes, List<EncryptionKey> previous) {
        this.bytes = bytes;
        this.id = fingerprint(bytes);
        this.previous = previous;
    }

    /**
     * The key configured in {@code env}: {@value #KEY_VARIABLE}, else the file named by {@value #KEY_FILE_VARIABLE},
     * else empty (records stay plaintext); with the previous keys of the key file's further lines and of
     * {@value #PREVIOUS_VARIABLE}.
     *
     * @throws StoreException if both are set, previous keys are set without a current one, or a key is invalid
     */
    public static Optional<EncryptionKey> fromEnvironment(Map<String, String> env) {
        String inline = nonBlank(env.get(KEY_VARIABLE));
        String file = nonBlank(env.get(KEY_FILE_VARIABLE));
        String older = nonBlank(env.get(PREVIOUS_VARIABLE));
        if (inline != null && file != null) {
            throw invalid("both " + KEY_VARIABLE + " and " + KEY_FILE_VARIABLE + " are set; set only one of them");
        }
        if (inline == null && file == null) {
            if (older != null) {
                throw invalid(PREVIOUS_VARIABLE + " is set but no current key: set " + KEY_VARIABLE + " or "
                        + KEY_FILE_VARIABLE + " to the key that seals new records");
            }
            return Optional.empty();
        }
        EncryptionKey current = inline != null ? decode(inline, KEY_VARIABLE) : fromFile(Path.of(file));
        if (older == null) {
            return Optional.of(current);
        }
        List<EncryptionKey> previous = new ArrayList<>();
        String[] values = older.strip().split("[,\\s]+");
        for (int i = 0; i < values.length; i++) {
            previous.add(decode(values[i], PREVIOUS_VARIABLE + " (key " + (i + 1) + ")"));
        }
        return Optional.of(current.withPrevious(previous));
    }

    /**
     * A key from its base64 text (whitespace around it is ignored).
     *
     * @throws StoreException if the text is not base64 of exactly 32 bytes
     */
    public static EncryptionKey fromBase64(String base64) {
        return decode(Objects.requireNonNull(base64, "base64 key"), "the key");
    }

    /**
     * A key from a file holding its base64 text on its first line; each further non-blank line that does not start
     * with {@code #} is a previous key. On POSIX file systems the file must not be readable or writable by group or
     * others.
     *
     * @throws StoreException if the file cannot be read, is open to others, or does not hold a valid key
     */
    public static EncryptionKey fromFile(Path file) {
        Objects.requireNonNull(file, "key file");
        try {
            PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (posix != null) {
                Set<PosixFilePermission> permissions = posix.readAttributes().permissions();
                if (permissions.stream().anyMatch(GROUP_OR_OTHERS::contains)) {
                    throw invalid("key file " + file + " is accessible by group or others ("
                            + PosixFilePermissions.toString(permissions) + "); fix it with: chmod 600 " + file);
                }
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII).stream()
                    .filter(line -> !line.isBlank() && !line.strip().startsWith("#")).toList();
            if (lines.isEmpty()) {
                throw invalid("key file " + file + " holds no key; " + HOW_TO_GENERATE);
            }
            List<EncryptionKey> previous = new ArrayList<>();
            for (int i = 1; i < lines.size(); i++) {
                previous.add(decode(lines.get(i), "key file " + file + " (line " + (i + 1) + ", a previous key)"));
            }
            return decode(lines.get(0), "key file " + file).withPrevious(previous);
        } catch (IOException e) {
            throw new StoreException("cannot read key file " + file + " (" + IoProblems.describe(e)
                    + "); check " + KEY_FILE_VARIABLE, e, false);
        }
    }

    /** A fresh random key, e.g. for tests or to print for a user to keep. */
    public static EncryptionKey generate() {
        byte[] bytes = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        return new EncryptionKey(bytes);
    }

    /**
     * This key, sealing new records, that also opens records sealed with {@code older} keys (a rotation: keep the old
     * key here until every record was saved again). Replaces any previous keys this one had.
     */
    public EncryptionKey withPrevious(List<EncryptionKey> older) {
        List<EncryptionKey> keys = new ArrayList<>();
        for (EncryptionKey key : older) {
            EncryptionKey plain = new EncryptionKey(Objects.requireNonNull(key, "previous key").bytes);
            if (!plain.id.equals(id) && keys.stream().noneMatch(k -> k.id.equals(plain.id))) {
                keys.add(plain);
            }
        }
        return new EncryptionKey(bytes, List.copyOf(keys));
    }

    /** The previous keys: they open records sealed before a rotation, and never seal. */
    public List<EncryptionKey> previous() {
        return previous;
    }

    /** The key among this one and its previous keys whose {@link #id()} is {@code keyId}, if any. */
    Optional<EncryptionKey> opening(String keyId) {
        if (id.equals(keyId)) {
            return Optional.of(this);
        }
        return previous.stream().filter(k -> k.id.equals(keyId)).findFirst();
    }

    /** The ids of this key and its previous keys, for messages: {@code 1a2b… (current), 3c4d… (previous)}. */
    String describeIds() {
        StringBuilder text = new StringBuilder(id).append(" (current)");
        previous.forEach(k -> text.append(", ").append(k.id).append(" (previous)"));
        return text.toString();
    }

    /**
     * A short public fingerprint of the key (16 hex digits), stored beside each encrypted record so that a wrong key
     * is reported as such. Reveals nothing usable about the key.
     */
    public String id() {
        return id;
    }

    /** The key in base64, the form {@value #KEY_VARIABLE} takes. Call it only to hand the key to its owner. */
    public String revealBase64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    SecretKey secretKey() {
        return new SecretKeySpec(bytes, "AES");
    }

    /** Equal when the current keys are equal (the previous keys only widen what opens). */
    @Override
    public boolean equals(Object other) {
        return other instanceof EncryptionKey that && MessageDigest.isEqual(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return previous.isEmpty() ? "EncryptionKey[id=" + id + "]"
                : "EncryptionKey[id=" + id + ", previous=" + previous.stream().map(k -> k.id).toList() + "]";
    }

    private static EncryptionKey decode(String base64, String source) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw invalid(source + " is not valid base64; " + HOW_TO_GENERATE);
        }
        if (decoded.length != KEY_BYTES) {
            int length = decoded.length;
            Arrays.fill(decoded, (byte) 0);
            throw invalid(source + " decodes to " + length + " bytes but an AES-256 key is exactly " + KEY_BYTES
                    + " bytes; " + HOW_TO_GENERATE);
        }
        return new EncryptionKey(decoded);
    }

    private static String fingerprint(byte[] key) {
        // a domain-separation prefix so that the id is not simply SHA-256(key)
        byte[] digest = Digests.sha256("lp-login store key id\n".getBytes(StandardCharsets.US_ASCII), key);
        return HexFormat.of().formatHex(digest, 0, 8);
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static StoreException invalid(String message) {
        return new StoreException(message, null, false);
    }
}
