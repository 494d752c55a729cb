package dev.lplogin.emulator;

/** The {@code Session_id} cookie (spec §3.1, attributes per §3.5). */
final class SessionIdCookie {

    static final String NAME = "Session_id";

    private SessionIdCookie() {
    }

    /** The {@code Set-Cookie} value; {@code Secure} only over HTTPS, where browsers and clients honour it. */
    static String setCookie(String sessionId, boolean secure) {
        return NAME + "=" + sessionId + "; Path=/" + (secure ? "; Secure" : "") + "; HttpOnly";
    }
}
