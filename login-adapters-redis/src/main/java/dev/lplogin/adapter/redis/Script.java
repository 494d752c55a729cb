package dev.lplogin.adapter.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One of the store's Lua scripts (in this package's resources): its source and SHA-1, the name EVALSHA runs it by.
 * Each does one operation atomically in one round trip; Lettuce forbids MULTI/EXEC on a shared connection.
 */
record Script(String name, String source, String sha) {

    static final Script SAVE = load("save");
    static final Script DELETE = load("delete");
    static final Script TAKE_LEASE = load("take-lease");
    static final Script RENEW_LEASE = load("renew-lease");
    static final Script RELEASE_LEASE = load("release-lease");

    private static Script load(String name) {
        try (InputStream in = Script.class.getResourceAsStream(name + ".lua")) {
            if (in == null) {
                throw new IllegalStateException("the script " + name + ".lua is missing from the module");
            }
            String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            byte[] sha = MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
            return new Script(name, source, HexFormat.of().formatHex(sha));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
}
