package dev.lplogin.archfixture.adapter.http;

/** Obeys the wire-record rule: public records (as Yasson needs) hidden in a package-private holder. */
final class WireFormat {

    private WireFormat() {
    }

    public record CookieJson(String name, String value) {
    }

    static CookieJson sample() {
        return new CookieJson("Session_id", "v");
    }
}
