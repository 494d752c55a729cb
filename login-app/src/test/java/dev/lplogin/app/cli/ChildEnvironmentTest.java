package dev.lplogin.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which variables {@code lp-login exec} keeps from its command ({@link ChildEnvironment}). */
class ChildEnvironmentTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "LP_PASSWORD | x | true",
        "LP_CLIENT_SECRET | x | true",
        "LP_APP_SECRET | x | true",
        "LP_ACCESS_TOKEN | x | true",
        "LP_ACCESS_TOKEN_SECRET | x | true",
        "LP_REDIS_PASSWORD | x | true",
        "LP_STORE_KEY | x | true",
        "LP_STORE_KEYS | x | true",
        "LP_STORE_KEY_PREVIOUS | x | true",
        "ROUTER_LP_CLIENT_SECRET | x | true",
        "BOT_LP_PASSWORD | x | true",
        "LP_STORE | redis://:pw@cache:6379 | true",
        "LP_STORE | rediss://fleet:pw@cache:6379/2 | true",
        "LP_STORE | redis://fleet@cache:6379 | false",
        "LP_STORE | /home/me/.local/state/lp-login | false",
        "HTTPS_PROXY | http://user:pw@proxy:3128 | true",
        "https_proxy | user:pw@proxy:3128 | true",
        "ALL_PROXY | socks5://user:pw@proxy:1080 | true",
        "HTTPS_PROXY | http://proxy:3128 | false",
        "NO_PROXY | localhost | false",
        "LP_CLIENT_ID | bot | false",
        "LP_ACCOUNT | 12345678 | false",
        "LP_USERNAME | me | false",
        "HELP_PASSWORD_HINT | x | false",
        "PATH | /usr/bin | false"})
    void withholds_lp_logins_secrets_and_only_those(String name, String value, boolean withheld) {
        Map<String, String> env = new HashMap<>(Map.of(name, value));

        ChildEnvironment.withhold(env);

        assertThat(env.containsKey(name)).as(name + "=" + value + " passed on").isEqualTo(!withheld);
    }
}
