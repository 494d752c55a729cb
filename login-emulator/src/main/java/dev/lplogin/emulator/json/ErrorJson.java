package dev.lplogin.emulator.json;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** LivePerson's error body (spec §3.2, §3.6): {@code {"error":{"time":…,"message":…,…}}}. */
public record ErrorJson(Body error) {

    /** The inner object, in the documented field order. */
    @JsonbPropertyOrder({"time", "message", "internalCode", "responseStatus"})
    public record Body(String time, String message, int internalCode, String responseStatus) {
    }
}
