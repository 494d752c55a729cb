package dev.lplogin.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Random tokens as LivePerson issues them, and constant-time comparison of presented secrets. */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** 64 lower-case hex characters, the shape of {@code bearer} and {@code csrf} (spec §3.1). */
    static String hex64() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** A decimal string of {@code digits} digits, the shape of {@code wsuk}. */
    static String digits(int digits) {
        var text = new StringBuilder(digits);
        text.append(1 + RANDOM.nextInt(9));
        while (text.length() < digits) {
            text.append(RANDOM.nextInt(10));
        }
        return text.toString();
    }

    /** Compares without leaking, through timing, how much of a presented secret was right. */
    static boolean matches(String expected, String presented) {
        return presented != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}
