package dev.lplogin.adapter.http.json;

import dev.lplogin.domain.model.Secret;

/** The body of a user login (spec §3.1): {@code {"username":…,"password":…}}. */
public record UserLoginJson(String username, Secret password) {
}
