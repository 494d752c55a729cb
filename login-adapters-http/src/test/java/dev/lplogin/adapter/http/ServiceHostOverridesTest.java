package dev.lplogin.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.lplogin.domain.model.ServiceHost;
import dev.lplogin.domain.model.ServiceName;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** {@code SERVICE=HOST[:PORT],…} as a person writes it, and the adapter's scheme rule applied to it. */
class ServiceHostOverridesTest {

    private static final URI LIVEPERSON = HttpSettings.DEFAULT_CSDS_BASE_URL;
    private static final URI EMULATOR_OVER_HTTP = URI.create("http://127.0.0.1:8080");

    @Test
    void a_list_of_hosts_keeps_its_order_and_takes_ports_and_an_https_prefix() {
        assertThat(ServiceHostOverrides.parse(" accountConfigReadOnly = va.ac.liveperson.net ,msgHist=127.0.0.1:8443,"
                + "agentVep=https://[::1]:9443", LIVEPERSON))
                .containsExactly(
                        entry("accountConfigReadOnly", "va.ac.liveperson.net"),
                        entry("msgHist", "127.0.0.1:8443"),
                        entry("agentVep", "[::1]:9443"));
        assertThat(ServiceHostOverrides.parse("none", LIVEPERSON)).isEmpty();
    }

    @Test
    void plain_http_only_to_loopback_while_the_domain_api_is_the_loopback_emulator_over_http() {
        assertThat(ServiceHostOverrides.parse("agentVep=http://127.0.0.1:9000", EMULATOR_OVER_HTTP))
                .containsExactly(entry("agentVep", "127.0.0.1:9000"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ServiceHostOverrides.parse("agentVep=http://127.0.0.1:9000", LIVEPERSON))
                .withMessage("service 'agentVep' is given as http://127.0.0.1:9000; service hosts are reached over "
                        + "https only (plain http only to a loopback host while the Domain API is the loopback "
                        + "emulator over http): give https://127.0.0.1:9000 or just 127.0.0.1:9000");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ServiceHostOverrides.parse("agentVep=http://va.liveperson.net", EMULATOR_OVER_HTTP))
                .withMessageContaining("reached over https only");
    }

    @Test
    void every_mistake_is_named() {
        assertThatIllegalArgumentException().isThrownBy(() -> ServiceHostOverrides.parse("agentVep", LIVEPERSON))
                .withMessageStartingWith("'agentVep' is not SERVICE=HOST[:PORT] (e.g. accountConfigReadOnly=");
        assertThatIllegalArgumentException().isThrownBy(() -> ServiceHostOverrides.parse("a=b,,c=d", LIVEPERSON))
                .withMessageStartingWith("'' is not SERVICE=HOST[:PORT]");
        assertThatIllegalArgumentException().isThrownBy(() -> ServiceHostOverrides.parse("=h.example", LIVEPERSON))
                .withMessageContaining("is not SERVICE=HOST[:PORT]");
        assertThatIllegalArgumentException().isThrownBy(() -> ServiceHostOverrides.parse("bad name=h", LIVEPERSON))
                .withMessage("'bad name': service name must be 1-64 of [A-Za-z0-9_.-], e.g. agentVep");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ServiceHostOverrides.parse("agentVep=h.example/path", LIVEPERSON))
                .withMessageStartingWith("the host of service 'agentVep' ('h.example/path'): a service host must be"
                        + " a bare host or host:port");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ServiceHostOverrides.parse("agentVep=ftp://h.example", LIVEPERSON))
                .withMessageStartingWith("the host of service 'agentVep' ('ftp://h.example')");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ServiceHostOverrides.parse("agentVep=h.example:70000", LIVEPERSON))
                .withMessageContaining("port must be 1-65535");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ServiceHostOverrides.parse("agentVep=a.example,agentVep=b.example", LIVEPERSON))
                .withMessage("service 'agentVep' is given twice; give each service once");
    }

    private static java.util.Map.Entry<ServiceName, ServiceHost> entry(String service, String host) {
        return java.util.Map.entry(ServiceName.of(service), ServiceHost.of(host));
    }
}
