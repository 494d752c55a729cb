package dev.lplogin.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code NO_PROXY} matching, curl's rules: names with their subdomains, literal addresses and ranges, ports. */
class NoProxyTest {

    @ParameterizedTest(name = "NO_PROXY=\"{0}\", {1}:{2} direct: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # NO_PROXY                      | host                    | port | direct
            example.com                     | example.com             | 443  | true
            example.com                     | api.example.com         | 443  | true
            .example.com                    | example.com             | 443  | true
            .example.com                    | api.EXAMPLE.com         | 443  | true
            example.com                     | badexample.com          | 443  | false
            example.com                     | example.com.evil.test   | 443  | false
            liveperson.net, example.com     | va.agentvep.liveperson.net | 443 | true
            liveperson.net:8443             | api.liveperson.net      | 443  | false
            liveperson.net:8443             | api.liveperson.net      | 8443 | true
            *                               | anything.test           | 443  | true
            127.0.0.1                       | 127.0.0.1               | 443  | true
            127.0.0.0/8                     | 127.9.8.7               | 443  | true
            10.0.0.0/8                      | 127.0.0.1               | 443  | false
            .0.0.1                          | 127.0.0.1               | 443  | false
            localhost                       | 127.0.0.1               | 443  | false
            localhost                       | localhost               | 443  | true
            ::1                             | [::1]                   | 443  | true
            [::1]:443                       | ::1                     | 443  | true
            fd00::/8                        | fd12::1                 | 443  | true
            ''                              | example.com             | 443  | false
            """)
    void matches_like_curl(String noProxy, String host, int port, boolean direct) {
        assertThat(NoProxy.parse(noProxy).matches(host, port)).isEqualTo(direct);
    }
}
