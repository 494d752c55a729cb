package dev.lplogin.emulator;

import static dev.lplogin.emulator.RawClient.userBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The generated account serves thousands of distinct users beside the demo account. */
class GeneratedAccountTest {

    @Test
    void tenThousandGeneratedUsersEachLogInWithTheirOwnPassword() {
        EmulatorConfig config = EmulatorConfig.defaults().plusAccounts(List.of(GeneratedAccount.of(10_000)));
        try (LoginEmulator emulator = LoginEmulator.start(config)) {
            RawClient client = new RawClient(emulator);

            assertThat(client.loginRaw(GeneratedAccount.ACCOUNT_ID,
                    userBody(GeneratedAccount.username(1), GeneratedAccount.password(1))).statusCode())
                    .isEqualTo(200);
            assertThat(client.loginRaw(GeneratedAccount.ACCOUNT_ID,
                    userBody(GeneratedAccount.username(10_000), GeneratedAccount.password(10_000))).statusCode())
                    .isEqualTo(200);
            assertThat(client.loginRaw(GeneratedAccount.ACCOUNT_ID,
                    userBody(GeneratedAccount.username(10_001), GeneratedAccount.password(10_001))).statusCode())
                    .as("one user past the count").isEqualTo(401);
            assertThat(client.loginRaw(GeneratedAccount.ACCOUNT_ID,
                    userBody(GeneratedAccount.username(2), GeneratedAccount.password(3))).statusCode())
                    .as("another user's password").isEqualTo(401);
            assertThat(client.loginDemo().bearer()).as("the demo account is still served").isNotBlank();
            assertThat(emulator.stats().activeSessions()).isEqualTo(3);
        }
    }

    @Test
    void theCountMustBePositiveAndBounded() {
        assertThatThrownBy(() -> GeneratedAccount.of(0)).hasMessageContaining("1 to 1000000, was 0");
        assertThatThrownBy(() -> GeneratedAccount.of(GeneratedAccount.MAX_USERS + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(GeneratedAccount.of(3).users()).extracting(EmulatorUser::username)
                .containsExactly("user-1", "user-2", "user-3");
    }
}
