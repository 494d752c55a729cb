package dev.lplogin.emulator;

import dev.lplogin.emulator.json.NewSkillJson;
import java.util.Locale;
import java.util.Optional;

/**
 * A protected API shaped like LivePerson's Account Configuration skills
 * ({@code /api/account/{account}/configuration/le-users/skills}, services {@code accountConfigReadOnly} and
 * {@code accountConfigReadWrite}): it takes the bearer of a live session of that account. A missing, unknown,
 * expired, killed or logged-out bearer is a 401, another account's bearer a 403 (RFC 6750 §3.1), and a refused
 * request changes nothing. The {@code v} query parameter is accepted (LivePerson versions these APIs; any value).
 * Using the bearer does not restart the session's idle timer: only {@code refresh} does.
 */
final class SkillsHandler {

    private final SessionRegistry sessions;
    private final SkillCatalog catalog;
    private final Errors errors;

    SkillsHandler(SessionRegistry sessions, SkillCatalog catalog, Errors errors) {
        this.sessions = sessions;
        this.catalog = catalog;
        this.errors = errors;
    }

    /** {@code GET}: the skills as a JSON array, the revision in {@code ETag}. */
    Reply list(Request request) {
        String account = request.pathParams().get(0);
        return refusal(request, account).orElseGet(() -> {
            var snapshot = catalog.list(account);
            return Reply.json(200, snapshot.skills()).withHeader("ETag", SkillCatalog.etag(snapshot.revision()));
        });
    }

    /**
     * {@code POST} {@code {"name":…}} with {@code If-Match: <revision>} (or {@code *}): 201 with the new skill and
     * the new revision in {@code ETag}; 428 without {@code If-Match}, 412 for a stale revision, 409 for a name
     * that exists.
     */
    Reply create(Request request) {
        String account = request.pathParams().get(0);
        var refused = refusal(request, account);
        if (refused.isPresent()) {
            return refused.get();
        }
        String ifMatch = request.headers().getFirst("If-Match");
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new Rejection(428, "a write needs If-Match with the collection's revision (the ETag of a read)");
        }
        request.requireJson();
        var body = JsonCodec.read(request.body(), NewSkillJson.class, "{\"name\":\"<skill name>\"}");
        if (body.name() == null || body.name().isBlank()) {
            throw new Rejection(400, "a skill needs a name: {\"name\":\"…\"}");
        }
        var created = catalog.create(account, SkillCatalog.IfMatch.parse(ifMatch), body.name());
        return Reply.json(201, created.skills().get(0)).withHeader("ETag", SkillCatalog.etag(created.revision()));
    }

    /** The 401 or 403 this request gets, or empty if its bearer is a live session of this account. */
    private Optional<Reply> refusal(Request request, String account) {
        var bearer = bearerOf(request);
        if (bearer.isEmpty()) {
            return Optional.of(errors.reply(401, "send Authorization: Bearer <bearer from login>")
                    .withHeader("WWW-Authenticate", "Bearer realm=\"liveperson\""));
        }
        var session = sessions.findByBearer(bearer.get());
        if (session.isEmpty()) {
            return Optional.of(errors.reply(401, "the bearer is unknown, expired or logged out: log in again")
                    .withHeader("WWW-Authenticate", "Bearer realm=\"liveperson\", error=\"invalid_token\""));
        }
        if (!session.get().user.account().equals(account)) {
            return Optional.of(errors.reply(403, "this bearer belongs to another account")
                    .withHeader("WWW-Authenticate", "Bearer realm=\"liveperson\", error=\"insufficient_scope\""));
        }
        return Optional.empty();
    }

    private static Optional<String> bearerOf(Request request) {
        String header = request.headers().getFirst("Authorization");
        if (header == null || header.length() <= 7
                || !header.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return Optional.empty();
        }
        return Optional.of(header.substring(7).strip());
    }
}
