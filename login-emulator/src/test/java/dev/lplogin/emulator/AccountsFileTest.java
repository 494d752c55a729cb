package dev.lplogin.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Accounts from a JSON file, in the format of the package documentation. */
class AccountsFileTest {

    private static final String FILE = """
            {"accounts": [
              {"id": "87654321", "users": [
                {"username": "alice", "password": "alice-password"},
                {"username": "bot", "oauth2": {"clientId": "bot-client", "clientSecret": "bot-secret"}},
                {"username": "old-bot", "oauth1": {"appKey": "k", "secret": "s", "accessToken": "t",
                                                   "accessTokenSecret": "ts"}},
                {"username": "mallory", "password": "mallory-password", "blocked": true}
              ]}
            ]}
            """;

    @TempDir
    Path dir;

    @Test
    void loadsEveryKindOfUser() throws IOException {
        var accounts = EmulatorAccount.load(write(FILE));

        assertThat(accounts).singleElement().satisfies(account -> {
            assertThat(account.id()).isEqualTo("87654321");
            assertThat(account.user("alice")).hasValueSatisfying(
                    user -> assertThat(user.password()).hasValue("alice-password"));
            assertThat(account.user("bot").orElseThrow().oauth2()).hasValue(
                    new EmulatorUser.OAuth2Client("bot-client", "bot-secret"));
            assertThat(account.user("old-bot").orElseThrow().oauth1()).hasValue(
                    new EmulatorUser.OAuth1Keys("k", "s", "t", "ts"));
            assertThat(account.user("mallory").orElseThrow().blocked()).isTrue();
            assertThat(account.user("alice").orElseThrow().blocked()).isFalse();
        });
    }

    @Test
    void fileAccountsAreServedNextToTheDemoAccount() throws IOException {
        var config = EmulatorConfig.defaults().withHttps(false).plusAccounts(EmulatorAccount.load(write(FILE)));
        try (var emulator = LoginEmulator.start(config)) {
            var client = new RawClient(emulator);

            assertThat(client.loginRaw("87654321", RawClient.userBody("alice", "alice-password")).statusCode())
                    .isEqualTo(200);
            assertThat(client.loginRaw("87654321", RawClient.userBody("mallory", "mallory-password"))
                    .statusCode()).isEqualTo(451);
            assertThat(client.loginRaw("87654321", RawClient.userBody("demo", "demo-password")).statusCode())
                    .as("users belong to their account").isEqualTo(401);
            assertThat(client.loginDemo().bearer()).isNotBlank();
            assertThat(client.get("/api/account/87654321/service/agentVep/baseURI.json?version=1.0")
                    .statusCode()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "[]", "{}", "{\"accounts\":[{\"id\":\"1\"}]}",
        "{\"accounts\":[{\"id\":\"a/b\",\"users\":[]}]}",
        "{\"accounts\":[{\"id\":\"1\",\"users\":[{\"username\":\"x\"}]}]}",
        "{\"accounts\":[{\"id\":\"1\",\"users\":[{\"password\":\"p\"}]}]}",
        "{\"accounts\":[{\"id\":\"1\",\"users\":[{\"username\":\"x\",\"password\":\"p\"},"
                + "{\"username\":\"x\",\"password\":\"q\"}]}]}",
        "{\"accounts\":[{\"id\":\"1\",\"users\":[{\"username\":\"x\",\"oauth2\":{\"clientId\":\"c\"}}]}]}"})
    void invalidFilesAreRejectedNamingTheFile(String content) throws IOException {
        Path file = write(content);

        assertThatThrownBy(() -> EmulatorAccount.load(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void aMissingFileIsReportedClearly() {
        Path missing = dir.resolve("missing.json");

        assertThatThrownBy(() -> EmulatorAccount.load(missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot read accounts file " + missing);
    }

    @Test
    void secretsNeverAppearInErrorsOrToString() throws IOException {
        Path file = write("{\"accounts\":[{\"id\":\"1\",\"users\":[{\"username\":\"x\",\"password\":\"hunter2\"},"
                + "{\"username\":\"x\",\"password\":\"hunter3\"}]}]}");

        assertThatThrownBy(() -> EmulatorAccount.load(file)).hasMessageNotContaining("hunter");
        assertThat(EmulatorAccount.load(write(FILE)).toString())
                .doesNotContain("alice-password", "bot-secret", "\"s\"", "ts", "mallory-password");
        assertThat(DemoAccount.account().toString()).contains("demo-client", "legacy-key")
                .doesNotContain("demo-password", "demo-secret", "legacy-secret", "legacy-token");
    }

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("accounts-" + System.nanoTime() + ".json"), content);
    }
}
