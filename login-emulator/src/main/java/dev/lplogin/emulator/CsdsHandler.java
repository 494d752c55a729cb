package dev.lplogin.emulator;

/** The Domain API (spec §2): one service or all services of an account, under {@code /api} or {@code /csdr}. */
final class CsdsHandler {

    /** The only Domain API version LivePerson documents. */
    static final String VERSION = "1.0";

    private final AccountDirectory directory;

    CsdsHandler(AccountDirectory directory) {
        this.directory = directory;
    }

    /** {@code GET …/account/{account}/service/baseURI.json?version=1.0}. */
    Reply allServices(Request request) {
        String account = request.pathParams().get(0);
        requireVersion(request);
        requireAccount(account);
        return Reply.json(200, directory.services(account));
    }

    /** {@code GET …/account/{account}/service/{service}/baseURI.json?version=1.0}. */
    Reply oneService(Request request) {
        String account = request.pathParams().get(0);
        String service = request.pathParams().get(1);
        requireVersion(request);
        requireAccount(account);
        // spec §2 decision: a known account without that service is a 404 too (names are case sensitive).
        return directory.service(account, service)
                .map(entry -> Reply.json(200, entry))
                .orElseThrow(() -> new Rejection(404, "account " + account + " has no service '" + service + "'"));
    }

    private static void requireVersion(Request request) {
        if (!request.query("version").filter(VERSION::equals).isPresent()) {
            throw new Rejection(400, "query parameter version=" + VERSION + " is required");
        }
    }

    private void requireAccount(String account) {
        if (!directory.exists(account)) {
            // spec §2 decision: an unknown account is a 404 with a JSON error body.
            throw new Rejection(404, "unknown account " + account);
        }
    }
}
