package dev.lplogin.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.model.Credentials;
import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.ServiceHost;
import dev.lplogin.domain.model.ServiceName;
import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.AuthGateway;
import dev.lplogin.domain.port.Blocked;
import dev.lplogin.domain.port.CredentialsRejected;
import dev.lplogin.domain.port.LoggedIn;
import dev.lplogin.domain.port.LoginOutcome;
import dev.lplogin.domain.port.LogoutOutcome;
import dev.lplogin.domain.port.RefreshOutcome;
import dev.lplogin.domain.port.Refreshed;
import dev.lplogin.domain.port.SessionGone;
import dev.lplogin.emulator.DemoAccount;
import dev.lplogin.emulator.LoginEmulator;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AuthGateway} must do against the Login Service (spec §3), checked against the emulator's demo
 * account. Extend it, register an {@link EmulatorExtension} (so that the emulator is reset before each test) and
 * supply the gateway:
 *
 * <pre>{@code
 * class MyAuthGatewayTest extends AuthGatewayContract {
 *     @RegisterExtension
 *     static final EmulatorExtension EMULATOR = EmulatorExtension.https();
 *
 *     protected LoginEmulator emulator() { return EMULATOR.emulator(); }
 *     protected AuthGateway gateway() { return new MyAuthGateway(...trusting EMULATOR.emulator()...); }
 * }
 * }</pre>
 *
 * <p>Covered: login of all three credential kinds, rejected and blocked logins, refresh (confirmed, expired, idle,
 * csrf mismatch, missing cookie, replaced by a new login), logout and its idempotence, and that sessions print no
 * secret. Retries and fault handling are the implementation's own tests. Test methods are public so that the
 * contract also runs on the module path.
 */
public abstract class AuthGatewayContract {

    /** The demo account every test logs in to. */
    protected static final AccountId ACCOUNT = AccountId.of(DemoAccount.ACCOUNT_ID);

    /** The running emulator the gateway talks to; reset before each test. */
    protected abstract LoginEmulator emulator();

    /** The gateway under test, able to reach {@link #emulator()}. Called once per test. */
    protected abstract AuthGateway gateway();

    /** The login host to pass to the gateway; by default the emulator's authority, as its Domain API reports. */
    protected ServiceHost loginHost() {
        return ServiceHost.of(emulator().authority());
    }

    /** A user/password login as {@link DemoAccount#USERNAME}, asserted to succeed. */
    protected final Session loggedInDemoUser(AuthGateway gateway) {
        return loggedIn(gateway.login(ACCOUNT, loginHost(),
                new Credentials.UserPassword(DemoAccount.USERNAME, Secret.of(DemoAccount.PASSWORD))));
    }

    /** The session of a {@link LoggedIn} outcome, failing the test on any other outcome. */
    protected static Session loggedIn(LoginOutcome outcome) {
        assertThat(outcome).isInstanceOf(LoggedIn.class);
        return ((LoggedIn) outcome).session();
    }

    @Test
    public void a_user_password_login_returns_a_usable_session() {
        Session session = loggedInDemoUser(gateway());

        assertThat(session.key()).isEqualTo(new SessionKey(ACCOUNT, DemoAccount.USERNAME));
        assertThat(session.loginHost()).isEqualTo(loginHost());
        assertThat(session.userId()).isNotBlank();
        assertThat(session.cookies()).as("the login's cookies, kept for refresh and logout").isNotEmpty();
        assertThat(session.version()).isZero();
        assertThat(session.issuedAt()).isEqualTo(session.lastConfirmedAt());
        assertThat(emulator().isBearerValid(session.bearer().reveal())).isTrue();
    }

    @Test
    public void the_session_max_lifetime_is_the_answers_session_ttl() {
        Session session = loggedInDemoUser(gateway());

        assertThat(session.maxLifetime()).contains(emulator().config().maxSessionAge());
    }

    @Test
    public void a_login_answer_offers_the_accounts_service_hosts() {
        LoginOutcome outcome = gateway().login(ACCOUNT, loginHost(),
                new Credentials.UserPassword(DemoAccount.USERNAME, Secret.of(DemoAccount.PASSWORD)));

        assertThat(outcome).isInstanceOfSatisfying(LoggedIn.class, in -> assertThat(in.services())
                .containsEntry(ServiceName.LOGIN, ServiceHost.of(emulator().authority())));
    }

    @Test
    public void an_oauth2_client_login_returns_a_usable_session() {
        Session session = loggedIn(gateway().login(ACCOUNT, loginHost(), new Credentials.OAuth2Client(
                DemoAccount.BOT_USERNAME, DemoAccount.CLIENT_ID, Secret.of(DemoAccount.CLIENT_SECRET))));

        assertThat(session.key().loginName()).isEqualTo(DemoAccount.BOT_USERNAME);
        assertThat(emulator().isBearerValid(session.bearer().reveal())).isTrue();
    }

    @Test
    @SuppressWarnings("deprecation")   // the legacy form is supported until LivePerson removes it
    public void a_legacy_oauth1_login_returns_a_usable_session() {
        Session session = loggedIn(gateway().login(ACCOUNT, loginHost(), new Credentials.LegacyOAuth1(
                DemoAccount.LEGACY_BOT_USERNAME, DemoAccount.LEGACY_APP_KEY, Secret.of(DemoAccount.LEGACY_SECRET),
                Secret.of(DemoAccount.LEGACY_ACCESS_TOKEN), Secret.of(DemoAccount.LEGACY_ACCESS_TOKEN_SECRET))));

        assertThat(session.key().loginName()).isEqualTo(DemoAccount.LEGACY_BOT_USERNAME);
        assertThat(emulator().isBearerValid(session.bearer().reveal())).isTrue();
    }

    @Test
    public void a_wrong_password_is_rejected() {
        LoginOutcome outcome = gateway().login(ACCOUNT, loginHost(),
                new Credentials.UserPassword(DemoAccount.USERNAME, Secret.of("not-the-password")));

        assertThat(outcome).isInstanceOf(CredentialsRejected.class);
    }

    @Test
    public void a_wrong_client_secret_is_rejected() {
        LoginOutcome outcome = gateway().login(ACCOUNT, loginHost(), new Credentials.OAuth2Client(
                DemoAccount.BOT_USERNAME, DemoAccount.CLIENT_ID, Secret.of("not-the-secret")));

        assertThat(outcome).isInstanceOf(CredentialsRejected.class);
    }

    @Test
    public void an_unknown_user_is_rejected() {
        LoginOutcome outcome = gateway().login(ACCOUNT, loginHost(),
                new Credentials.UserPassword("nobody-" + System.nanoTime(), Secret.of(DemoAccount.PASSWORD)));

        assertThat(outcome).isInstanceOf(CredentialsRejected.class);
    }

    @Test
    public void a_blocked_user_is_blocked() {
        LoginOutcome outcome = gateway().login(ACCOUNT, loginHost(),
                new Credentials.UserPassword(DemoAccount.BLOCKED_USERNAME, Secret.of(DemoAccount.BLOCKED_PASSWORD)));

        assertThat(outcome).isInstanceOf(Blocked.class);
    }

    @Test
    public void a_refresh_confirms_the_session_and_keeps_its_bearer() {
        AuthGateway gateway = gateway();
        Session session = loggedInDemoUser(gateway);

        RefreshOutcome outcome = gateway.refresh(session);

        assertThat(outcome).isInstanceOfSatisfying(Refreshed.class, refreshed -> {
            assertThat(refreshed.session().bearer()).isEqualTo(session.bearer());
            assertThat(refreshed.session().csrf()).isEqualTo(session.csrf());
            assertThat(refreshed.session().lastConfirmedAt()).isAfterOrEqualTo(session.lastConfirmedAt());
            assertThat(refreshed.session().cookies()).isNotEmpty();
            assertThat(refreshed.session().version()).isEqualTo(session.version());
        });
        assertThat(emulator().isBearerValid(session.bearer().reveal())).isTrue();
    }

    @Test
    public void a_refreshed_session_can_be_refreshed_again() {
        AuthGateway gateway = gateway();
        Session session = loggedInDemoUser(gateway);
        Session once = ((Refreshed) gateway.refresh(session)).session();

        assertThat(gateway.refresh(once)).isInstanceOf(Refreshed.class);
    }

    @Test
    public void a_refresh_of_an_expired_session_says_it_is_gone() {
        AuthGateway gateway = gateway();
        Session session = loggedInDemoUser(gateway);
        emulator().expireSessions();

        assertThat(gateway.refresh(session)).isEqualTo(new SessionGone(false));
    }

    @Test
    public void a_refresh_past_the_idle_timeout_says_the_session_is_gone() {
        AuthGateway gateway = gateway();
        Session session = loggedInDemoUser(gateway);
        emulator().advanceClock(emulator().config().idleTimeout().plus(Duration.ofSeconds(1)));

        assertThat(gateway.refresh(session)).isInstanceOf(SessionGone.class);
    }

    @Test
    public void a_refresh_with_a_wrong_csrf_says_the_session_is_gone_because_of_the_csrf() {
        AuthGateway gateway = gateway();
        Session session = loggedInDemoUser(gateway);
        Session wrongCsrf = new Session(session.key(), session.loginHost(), session.bearer(),
                Secret.of("0".repeat(64)), session.cookies(), session.userId(), session.userPid(),
                session.issuedAt(), session.lastConfirmedAt(), session.maxLifetime(), session.version());

        assertThat(gateway.refresh(wrongCsrf)).isEqualTo(new SessionGone(true));
    }

    @Test
    public void a_refresh_without_the_session_cookie_says_the_session_is_gone() {
        AuthGateway gateway = gateway();
        Session session = loggedInDemoUser(gateway);
        Session noCookies = new Session(session.key(), session.loginHost(), session.bearer(), session.csrf(),
                List.of(), session.userId(), session.userPid(), session.issuedAt(),
                session.lastConfirmedAt(), session.maxLifetime(), session.version());

        assertThat(gateway.refresh(noCookies)).isInstanceOf(SessionGone.class);
    }

    @Test
    public void a_new_login_of_the_same_user_ends_the_previous_session() {
        AuthGateway gateway = gateway();
        Session first = loggedInDemoUser(gateway);
        loggedInDemoUser(gateway);

        assertThat(gateway.refresh(first)).isInstanceOf(SessionGone.class);
    }

    @Test
    public void a_logout_ends_the_session_and_a_second_logout_finds_it_gone() {
        AuthGateway gateway = gateway();
        Session session = loggedInDemoUser(gateway);

        assertThat(gateway.logout(session)).isEqualTo(LogoutOutcome.LOGGED_OUT);
        assertThat(emulator().isBearerValid(session.bearer().reveal())).isFalse();
        assertThat(gateway.refresh(session)).isInstanceOf(SessionGone.class);
        assertThat(gateway.logout(session)).isEqualTo(LogoutOutcome.ALREADY_GONE);
    }

    @Test
    public void a_logout_of_an_expired_session_finds_it_gone() {
        AuthGateway gateway = gateway();
        Session session = loggedInDemoUser(gateway);
        emulator().expireSessions();

        assertThat(gateway.logout(session)).isEqualTo(LogoutOutcome.ALREADY_GONE);
    }

    @Test
    public void sessions_print_no_secret() {
        Session session = loggedInDemoUser(gateway());

        assertThat(session.toString())
                .doesNotContain(session.bearer().reveal())
                .doesNotContain(session.csrf().reveal())
                .doesNotContain(session.cookies().get(0).value().reveal());
        assertThat(Optional.of(session).toString()).doesNotContain(session.bearer().reveal());
    }
}
