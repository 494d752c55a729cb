package dev.lplogin.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.model.Credentials;
import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.ServiceHost;
import dev.lplogin.domain.model.ServiceName;
import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.port.LoggedIn;
import dev.lplogin.domain.port.LogoutOutcome;
import dev.lplogin.domain.port.Refreshed;
import dev.lplogin.emulator.DemoAccount;
import dev.lplogin.emulator.Endpoint;
import dev.lplogin.testkit.EmulatorExtension;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The emulator's plain-HTTP mode (spec §2 decision): a loopback http Domain API makes loopback hosts plain http. */
class PlainHttpTest {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.http();

    @Test
    void the_whole_flow_runs_over_plain_http_on_loopback() {
        try (HttpTransport transport = HttpTransport.create(TestSettings.fast(EMULATOR.emulator().baseUrl()))) {
            AccountId account = AccountId.of(DemoAccount.ACCOUNT_ID);
            ServiceHost host = new HttpDomainLookup(transport, InstantSource.system()).lookup(account, ServiceName.LOGIN);
            assertThat(transport.endpoints().login(host, account).getScheme()).isEqualTo("http");
            HttpAuthGateway gateway = new HttpAuthGateway(transport, InstantSource.system());

            Session session = ((LoggedIn) gateway.login(account, host, new Credentials.UserPassword(
                    DemoAccount.USERNAME, Secret.of(DemoAccount.PASSWORD)))).session();
            assertThat(gateway.refresh(session)).isInstanceOf(Refreshed.class);
            assertThat(gateway.logout(session)).isEqualTo(LogoutOutcome.LOGGED_OUT);
            assertThat(EMULATOR.emulator().stats().requests(Endpoint.CSDS)).isEqualTo(1);
        }
    }
}
