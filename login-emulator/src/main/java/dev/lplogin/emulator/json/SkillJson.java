package dev.lplogin.emulator.json;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** One skill of the Account Configuration API, as listed and as answered to a create: {@code {"id":1,"name":…}}. */
@JsonbPropertyOrder({"id", "name"})
public record SkillJson(long id, String name) {
}
