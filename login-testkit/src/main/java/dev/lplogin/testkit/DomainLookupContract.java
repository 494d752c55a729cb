package dev.lplogin.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.model.ServiceHost;
import dev.lplogin.domain.model.ServiceName;
import dev.lplogin.domain.port.DomainLookup;
import dev.lplogin.domain.port.DomainNotFoundException;
import dev.lplogin.emulator.DemoAccount;
import dev.lplogin.emulator.LoginEmulator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DomainLookup} must do against the Domain API (spec §2), checked against the emulator, whose
 * every service of the demo account points back at its own authority. Extend it, register an
 * {@link EmulatorExtension} and supply a lookup configured for the emulator:
 *
 * <pre>{@code
 * class MyDomainLookupTest extends DomainLookupContract {
 *     @RegisterExtension
 *     static final EmulatorExtension EMULATOR = EmulatorExtension.https();
 *
 *     protected LoginEmulator emulator() { return EMULATOR.emulator(); }
 *     protected DomainLookup lookup() { return new MyDomainLookup(EMULATOR.emulator().baseUrl(), ...); }
 * }
 * }</pre>
 *
 * <p>Covered: the login host and other services of a known account, all services at once, unknown accounts and
 * services as {@link DomainNotFoundException} naming both, stable answers on repeated lookups, and null arguments.
 * Caching policy is the implementation's business and its own tests'. Test methods are public so that the contract
 * also runs on the module path.
 */
public abstract class DomainLookupContract {

    /** The emulator's demo account. */
    protected static final AccountId ACCOUNT = AccountId.of(DemoAccount.ACCOUNT_ID);

    /** The running emulator the lookup asks; reset before each test. */
    protected abstract LoginEmulator emulator();

    /** A new lookup (empty cache) configured for {@link #emulator()}'s Domain API. Called once per test. */
    protected abstract DomainLookup lookup();

    /** The host every service of the demo account has: the emulator's own authority. */
    protected final ServiceHost emulatorHost() {
        return ServiceHost.of(emulator().authority());
    }

    @Test
    public void the_login_service_of_a_known_account_is_found() {
        assertThat(lookup().lookup(ACCOUNT, ServiceName.LOGIN)).isEqualTo(emulatorHost());
    }

    @Test
    public void other_services_of_a_known_account_are_found() {
        DomainLookup lookup = lookup();

        assertThat(lookup.lookup(ACCOUNT, ServiceName.of("sentinel"))).isEqualTo(emulatorHost());
        assertThat(lookup.lookup(ACCOUNT, ServiceName.of("asyncMessagingEnt"))).isEqualTo(emulatorHost());
    }

    @Test
    public void all_services_of_a_known_account_are_listed() {
        Map<ServiceName, ServiceHost> all = lookup().lookupAll(ACCOUNT);

        assertThat(all).containsEntry(ServiceName.LOGIN, emulatorHost())
                .containsEntry(ServiceName.of("sentinel"), emulatorHost())
                .hasSizeGreaterThan(2);
    }

    @Test
    public void repeated_lookups_give_the_same_host() {
        DomainLookup lookup = lookup();
        ServiceHost first = lookup.lookup(ACCOUNT, ServiceName.LOGIN);

        assertThat(lookup.lookup(ACCOUNT, ServiceName.LOGIN)).isEqualTo(first);
        assertThat(lookup.lookupAll(ACCOUNT)).containsEntry(ServiceName.LOGIN, first);
    }

    @Test
    public void an_unknown_account_is_not_found_and_the_error_names_account_and_service() {
        AccountId unknown = AccountId.of("99999999");

        assertThatThrownBy(() -> lookup().lookup(unknown, ServiceName.LOGIN))
                .isInstanceOfSatisfying(DomainNotFoundException.class, e -> {
                    assertThat(e.account()).isEqualTo(unknown);
                    assertThat(e.service()).isEqualTo(ServiceName.LOGIN);
                    assertThat(e.retryable()).isFalse();
                })
                .hasMessageContaining("99999999")
                .hasMessageContaining("agentVep");
    }

    @Test
    public void an_unknown_account_has_no_services_at_all() {
        assertThatThrownBy(() -> lookup().lookupAll(AccountId.of("99999999")))
                .isInstanceOf(DomainNotFoundException.class)
                .hasMessageContaining("99999999");
    }

    @Test
    public void an_unknown_service_of_a_known_account_is_not_found_and_named() {
        ServiceName unknown = ServiceName.of("noSuchService");

        assertThatThrownBy(() -> lookup().lookup(ACCOUNT, unknown))
                .isInstanceOfSatisfying(DomainNotFoundException.class,
                        e -> assertThat(e.service()).isEqualTo(unknown))
                .hasMessageContaining("noSuchService")
                .hasMessageContaining(DemoAccount.ACCOUNT_ID);
    }

    @Test
    public void service_names_are_case_sensitive() {
        assertThatThrownBy(() -> lookup().lookup(ACCOUNT, ServiceName.of("AGENTVEP")))
                .isInstanceOf(DomainNotFoundException.class);
    }

    @Test
    public void null_arguments_are_refused() {
        DomainLookup lookup = lookup();

        assertThatNullPointerException().isThrownBy(() -> lookup.lookup(null, ServiceName.LOGIN));
        assertThatNullPointerException().isThrownBy(() -> lookup.lookup(ACCOUNT, null));
        assertThatNullPointerException().isThrownBy(() -> lookup.lookupAll(null));
    }
}
