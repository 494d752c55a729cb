package dev.lplogin.adapter.redis;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a save announces on the notice channel: which store instance saved which session key (by its hash, never the
 * key in clear) at which version. No secret is in it. On the wire it is one line,
 * {@code <format> <store> <key hash> <version>}, e.g. {@code 1 5b0c9e1f2a3d4c5b 3f1c…9a 7}: the save script writes
 * {@link #head} and appends the version it stored, so that the version is the one Redis wrote, not a guess.
 *
 * @param store   the saving store instance's id, 16 hex digits: a store ignores its own notices
 * @param keyHash the session key's hash ({@link RedisKeys#hash}), 64 hex digits
 * @param version the version the save stored, &ge; 1
 */
record Notice(String store, String keyHash, long version) {

    /**
     * The format number, the line's first word. A reader ignores lines of another format, so that a fleet whose
     * replicas run two versions of this store during a rolling upgrade does not misread each other's notices.
     */
    static final int FORMAT = 1;

    private static final Pattern STORE = Pattern.compile("[0-9a-f]{16}");
    private static final Pattern KEY_HASH = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern LINE = Pattern.compile(
            FORMAT + " (?<store>[0-9a-f]{16}) (?<hash>[0-9a-f]{64}) (?<version>[1-9][0-9]{0,17})");

    Notice {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(keyHash, "key hash");
        if (!STORE.matcher(store).matches() || !KEY_HASH.matcher(keyHash).matches() || version < 1) {
            throw new IllegalArgumentException("not a notice: store " + store + ", key hash " + keyHash
                    + ", version " + version);
        }
    }

    /** The notice in {@code line}, or empty if it is not a notice of this {@link #FORMAT}. */
    static Optional<Notice> parse(String line) {
        Matcher m = LINE.matcher(Objects.requireNonNull(line, "line"));
        return m.matches()
                ? Optional.of(new Notice(m.group("store"), m.group("hash"), Long.parseLong(m.group("version"))))
                : Optional.empty();
    }

    /** The line up to the version, {@code <format> <store> <key hash>}; the save script appends {@code " " + version}. */
    static String head(String store, String keyHash) {
        return FORMAT + " " + store + " " + keyHash;
    }

    /** The line on the wire. */
    String line() {
        return head(store, keyHash) + " " + version;
    }
}
