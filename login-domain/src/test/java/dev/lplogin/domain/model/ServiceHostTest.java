package dev.lplogin.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** spec §2: a baseURI is a bare host[:port]; anything else must never be connected to. */
class ServiceHostTest {

    private static final String NOT_BARE = "a service host must be a bare host or host:port (no scheme, path or "
            + "spaces), e.g. va.agentvep.liveperson.net";

    @ParameterizedTest
    @ValueSource(strings = {"va.agentvep.liveperson.net", "VA.AgentVep.LivePerson.NET", "localhost", "localhost:8443",
            "127.0.0.1", "127.0.0.1:1", "10.1.2.3:65535", "[::1]", "[::1]:8080", "[2001:db8::7]:443",
            "example.com.", "example.com.:443", "a-b.c-d.example", "xn--bcher-kva.example", "a", "1host"})
    void accepts_bare_hosts_with_optional_port(String value) {
        assertThat(ServiceHost.of(value).value()).isEqualTo(value);
        assertThat(ServiceHost.of(value)).hasToString(value);
    }

    @Test
    void accepts_a_label_of_63_characters_and_rejects_64() {
        assertThat(ServiceHost.of("h".repeat(63) + ".example").value()).startsWith("hhh");
        assertThatThrownBy(() -> ServiceHost.of("h".repeat(64) + ".example"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(NOT_BARE);
    }

    @Test
    void rejects_more_than_260_characters() {
        String label = "h".repeat(63);
        String host259 = String.join(".", label, label, label, label) + ".abcd"; // 4*63 + 3 dots + 5 = 260
        assertThat(host259).hasSize(260);
        assertThat(ServiceHost.of(host259).value()).isEqualTo(host259);
        assertThatThrownBy(() -> ServiceHost.of(host259 + "e"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(NOT_BARE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "https://va.agentvep.liveperson.net", "http://localhost", "//host",
            "host/path", "host/", "host:8443/api", "host?x=1", "host#frag", "user@host", "user:pw@host:443",
            "host name", " host", "host ", "host\t", "host\n", "-host.com", "host-.com", "a.-b.com", ".host",
            "a..b", "host..", "host:", "host:abc", "host:-1", "host:123456", "[::1", "::1", "[::1]:", "host:80:80",
            "hôst.example", "host_name.example", "*.example.com", "\\\\host"})
    void rejects_anything_but_a_bare_host(String value) {
        assertThatThrownBy(() -> ServiceHost.of(value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(NOT_BARE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"host:0", "host:65536", "127.0.0.1:99999", "[::1]:00000"})
    void rejects_ports_outside_1_to_65535(String value) {
        String port = value.substring(value.lastIndexOf(':') + 1);
        assertThatThrownBy(() -> ServiceHost.of(value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("service host port must be 1-65535, got " + port);
    }

    @Test
    void rejects_null() {
        assertThatThrownBy(() -> new ServiceHost(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("service host");
    }

    @ParameterizedTest
    @CsvSource({
            "va.agentvep.liveperson.net,     va.agentvep.liveperson.net, -1",
            "127.0.0.1:8443,                 127.0.0.1,                  8443",
            "[::1]:8080,                     [::1],                      8080",
            "[::1],                          [::1],                      -1",
            "example.com.:443,               example.com.,               443",
            "host:00080,                     host,                       80"})
    void splits_host_name_and_port(String value, String hostName, int port) {
        ServiceHost host = ServiceHost.of(value);

        assertThat(host.hostName()).isEqualTo(hostName);
        assertThat(host.port()).isEqualTo(port < 0 ? OptionalInt.empty() : OptionalInt.of(port));
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LOCALHOST", "localhost:8443", "localhost.", "127.0.0.1", "127.0.0.1:8080",
            "127.255.255.254", "[::1]", "[::1]:8443"})
    void loopback_names_and_addresses_are_loopback(String value) {
        assertThat(ServiceHost.of(value).isLoopback()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"va.agentvep.liveperson.net", "10.0.0.1", "128.0.0.1", "0.0.0.0", "localhost.example.com",
            "mylocalhost", "127.0.0.1.example.com", "127.example.com", "[::2]", "[::]", "[2001:db8::1]:8443",
            "127.999.0.1", "127.0.0.256", "127.1.1.1000.example"})
    void other_hosts_are_not_loopback(String value) {
        assertThat(ServiceHost.of(value).isLoopback()).isFalse();
    }

    @Test
    void equal_by_value() {
        assertThat(ServiceHost.of("host:1")).isEqualTo(new ServiceHost("host:1"))
                .isNotEqualTo(ServiceHost.of("host:2"));
    }
}
