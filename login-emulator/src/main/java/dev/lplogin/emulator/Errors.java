package dev.lplogin.emulator;

import dev.lplogin.emulator.json.ErrorJson;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Builds the JSON error answers of spec §3.6, stamped with the emulator's clock. */
final class Errors {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("MMM d, yyyy h:mm:ss a", Locale.US).withZone(ZoneOffset.UTC);

    private final EmulatorClock clock;

    Errors(EmulatorClock clock) {
        this.clock = clock;
    }

    Reply reply(int status, String message) {
        return reply(status, status, message);
    }

    Reply reply(Rejection rejection) {
        return reply(rejection.status(), rejection.internalCode(), rejection.getMessage());
    }

    Reply reply(int status, int internalCode, String message) {
        var body = new ErrorJson.Body(TIME.format(clock.now()), message, internalCode, statusName(status));
        return Reply.json(status, new ErrorJson(body));
    }

    /** Java-style constant names of HTTP statuses, as LivePerson's {@code responseStatus} uses them. */
    static String statusName(int status) {
        return switch (status) {
            case 400 -> "BAD_REQUEST";
            case 401 -> "UNAUTHORIZED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 408 -> "REQUEST_TIMEOUT";
            case 409 -> "CONFLICT";
            case 412 -> "PRECONDITION_FAILED";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 428 -> "PRECONDITION_REQUIRED";
            case 429 -> "TOO_MANY_REQUESTS";
            case 451 -> "UNAVAILABLE_FOR_LEGAL_REASONS";
            case 500 -> "INTERNAL_SERVER_ERROR";
            case 501 -> "NOT_IMPLEMENTED";
            case 502 -> "BAD_GATEWAY";
            case 503 -> "SERVICE_UNAVAILABLE";
            case 504 -> "GATEWAY_TIMEOUT";
            default -> status < 500 ? "CLIENT_ERROR_" + status : "SERVER_ERROR_" + status;
        };
    }
}
