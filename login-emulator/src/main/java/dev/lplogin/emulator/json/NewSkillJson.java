package dev.lplogin.emulator.json;

/** The body of a skill create: {@code {"name":"billing"}}; other fields LivePerson takes are ignored. */
public record NewSkillJson(String name) {
}
