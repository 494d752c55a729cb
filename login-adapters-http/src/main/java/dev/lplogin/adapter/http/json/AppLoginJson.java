package dev.lplogin.adapter.http.json;

import dev.lplogin.domain.model.Secret;

/**
 * The body of an application login (spec §3.1), OAuth1 and OAuth2 alike:
 * {@code {"username":…,"appKey":…,"secret":…,"accessToken":…,"accessTokenSecret":…}}.
 */
public record AppLoginJson(String username, String appKey, Secret secret, Secret accessToken,
        Secret accessTokenSecret) {
}
