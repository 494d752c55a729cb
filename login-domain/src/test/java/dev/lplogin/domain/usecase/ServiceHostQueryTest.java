package dev.lplogin.domain.usecase;

import static dev.lplogin.domain.usecase.Rig.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lplogin.domain.model.ServiceName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link LoginUseCase#serviceHost} and {@link LoginUseCase#serviceHosts} answer through the core's own domain
 * lookup (the one logins use and seed), so a driving adapter never needs the port itself.
 */
class ServiceHostQueryTest {

    private final Rig rig = new Rig();

    @AfterEach
    void tearDown() {
        rig.close();
    }

    @Test
    void the_query_asks_the_cores_domain_lookup() {
        LoginUseCase core = rig.core();
        int before = rig.lookup.lookups.get();

        assertThat(core.serviceHost(ACCOUNT, ServiceName.of("asyncMessagingEnt")))
                .isEqualTo(FakeDomainLookup.LOGIN_HOST);
        assertThat(rig.lookup.lookups.get()).isEqualTo(before + 1);
        assertThat(core.serviceHosts(ACCOUNT)).containsEntry(ServiceName.LOGIN, FakeDomainLookup.LOGIN_HOST);
    }

    @Test
    void a_closed_core_answers_no_query() {
        LoginUseCase core = rig.core();
        core.close();

        assertThatThrownBy(() -> core.serviceHost(ACCOUNT, ServiceName.LOGIN)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> core.serviceHosts(ACCOUNT)).isInstanceOf(IllegalStateException.class);
    }
}
