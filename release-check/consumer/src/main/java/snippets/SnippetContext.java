package snippets;

import dev.lplogin.adapter.http.HttpAuthGateway;
import dev.lplogin.adapter.http.HttpDomainLookup;
import dev.lplogin.adapter.http.HttpSettings;
import dev.lplogin.adapter.http.HttpTransport;
import dev.lplogin.adapter.storage.InMemoryTokenStore;
import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.port.AuthGateway;
import dev.lplogin.domain.port.DomainLookup;
import dev.lplogin.domain.port.SessionListener;
import dev.lplogin.domain.port.TokenStore;
import dev.lplogin.domain.usecase.LoginSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.InstantSource;

/**
 * What the README's and docs' snippets take as given (their free variables), bound to a running emulator: each
 * generated snippet class extends this. A snippet's own declarations shadow these fields.
 */
public abstract class SnippetContext {

    /** The account and OAuth2 client the snippets log in with ("my-bot" in the README). */
    public static final String ACCOUNT = "23456789";
    /** The README's bot. */
    public static final String BOT = "my-bot";
    /** Its client id. */
    public static final String CLIENT_ID = "my-client";
    /** Its client secret. */
    public static final String CLIENT_SECRET = "my-secret";

    private static HttpSettings emulatorSettings;
    private static Path scratchRoot;

    /** Binds every snippet to this emulator's settings and a scratch folder; call once before running any. */
    public static void bind(HttpSettings toEmulator, Path scratch) {
        emulatorSettings = toEmulator;
        scratchRoot = scratch;
    }

    protected final HttpSettings toEmulator = emulatorSettings;
    protected final AccountId account = AccountId.of(ACCOUNT);
    protected final String clientId = CLIENT_ID;
    protected final String clientSecret = CLIENT_SECRET;
    protected final HttpTransport http = HttpTransport.create(toEmulator);
    protected final DomainLookup domainLookup = new HttpDomainLookup(http, InstantSource.system());
    protected final AuthGateway authGateway = new HttpAuthGateway(http, InstantSource.system());
    protected final TokenStore tokenStore = new InMemoryTokenStore();
    protected final DomainLookup lookup = domainLookup;
    protected final AuthGateway gateway = authGateway;
    protected final TokenStore store = tokenStore;
    protected final SessionListener myListener = SessionListener.NONE;
    protected final LoginSettings settings = LoginSettings.defaults();
    protected final MeterRegistry registry = new SimpleMeterRegistry();
    protected final Path dir = scratch("/sessions");

    /** Where the snippet comes from: file and line. */
    public abstract String origin();

    /** Runs the snippet against the emulator; snippets of declarations are compiled only. */
    public void run() throws Exception {
        throw new UnsupportedOperationException(origin() + " is a declaration: compiled, not run");
    }

    /** An absolute path of a snippet, moved under the scratch folder. */
    protected static Path scratch(String absolute) {
        return scratchRoot.resolve(absolute.substring(1));
    }
}
