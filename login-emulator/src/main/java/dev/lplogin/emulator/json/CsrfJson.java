package dev.lplogin.emulator.json;

/** The refresh and logout body (spec §3.2, §3.3): {@code {"csrf":"…"}}. */
public record CsrfJson(String csrf) {

    @Override
    public String toString() {
        return "CsrfJson[csrf=***]";
    }
}
