package dev.lplogin.adapter.http.json;

/** The {@code config} object of a login answer (spec §3.1); {@code userId} is a string and required. */
public record LoginConfigJson(String loginName, String userId, String userPid) {
}
