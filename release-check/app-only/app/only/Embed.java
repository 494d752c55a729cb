package app.only;

import dev.lplogin.adapter.http.HttpSettings;
import dev.lplogin.adapter.storage.EncryptionKey;
import dev.lplogin.app.wiring.AdapterSettings;
import dev.lplogin.app.wiring.LoginComponent;
import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.model.Credentials;
import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.SessionListener;
import dev.lplogin.domain.usecase.LoginSettings;
import dev.lplogin.domain.usecase.LoginUseCase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;

/** The README's Dagger embedding, with every type its exported API shows, in a module that requires only the app. */
final class Embed {

    private Embed() {
    }

    static String bearer(HttpSettings http, Path sessionDir, AccountId account, String clientId, String secret) {
        AdapterSettings adapters = new AdapterSettings(http,
                new AdapterSettings.Store.Directory(sessionDir, EncryptionKey.fromEnvironment(System.getenv())));
        LoginComponent app = LoginComponent.create(adapters, LoginSettings.defaults(), SessionListener.NONE,
                new SimpleMeterRegistry());
        try (LoginUseCase login = app.loginUseCase()) {
            login.useCredentials(account, new Credentials.OAuth2Client("my-bot", clientId, Secret.of(secret)));
            return login.bearer(new SessionKey(account, "my-bot")).reveal();
        }
    }
}
