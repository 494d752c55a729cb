package dev.lplogin.emulator;

import dev.lplogin.emulator.json.CsrfJson;

/** Refresh and logout (spec §3.2, §3.3): the {@code Session_id} cookie plus {@code {"csrf":…}}; any or no v. */
final class SessionHandler {

    /** LivePerson's internal code and message for a csrf mismatch (spec §3.2). */
    static final int CSRF_INTERNAL_CODE = 10;
    static final String CSRF_MESSAGE =
            "CSRF token invalid! The CSRF token on request does not match the CSRF token on the session";

    private final SessionRegistry sessions;
    private final boolean secureCookie;

    SessionHandler(SessionRegistry sessions, boolean secureCookie) {
        this.sessions = sessions;
        this.secureCookie = secureCookie;
    }

    /** Restarts the session's idle timer; answers 200, empty, re-setting the cookie. */
    Reply refresh(Request request) {
        var session = authenticate(request);
        sessions.touch(session);
        return Reply.empty(200).withHeader("Set-Cookie", SessionIdCookie.setCookie(session.id, secureCookie));
    }

    /** Ends the session: its cookie and bearer are dead afterwards. */
    Reply logout(Request request) {
        sessions.end(authenticate(request));
        return Reply.empty(200);
    }

    private SessionRegistry.LiveSession authenticate(Request request) {
        request.requireJson();
        var body = JsonCodec.read(request.body(), CsrfJson.class, "{\"csrf\":\"<csrf from login>\"}");
        if (body.csrf() == null) {
            throw new Rejection(400, "the body needs the csrf from login: {\"csrf\":\"…\"}");
        }
        String account = request.pathParams().get(0);
        var session = request.cookie(SessionIdCookie.NAME)
                .flatMap(sessions::find)
                .filter(found -> found.user.account().equals(account))
                .orElseThrow(() -> new Rejection(401, "no such session: it is unknown, logged out or expired; "
                        + "log in again"));
        if (!Secrets.matches(session.csrf, body.csrf())) {
            throw new Rejection(401, CSRF_INTERNAL_CODE, CSRF_MESSAGE);
        }
        return session;
    }
}
