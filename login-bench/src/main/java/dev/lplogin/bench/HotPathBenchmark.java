package dev.lplogin.bench;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.OAuth2Credentials;
import dev.lplogin.domain.model.Secret;
import java.io.IOException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What a product pays per outgoing API call for its bearer: {@code bearer()} of a fresh session, side by side with
 * google-auth-library's {@link OAuth2Credentials#getRequestMetadata()} on a cached token, and the floor of any such
 * cache, one volatile read. Run by {@link HotPath} at 1 and 2 threads with the GC profiler (bytes per call).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HotPathBenchmark {

    /** A core logged in through the real HTTP adapters against an in-process emulator (one per fork). */
    @State(Scope.Benchmark)
    public static class LpLogin {
        Fixture fixture;
        Fixture.Client client;

        @Setup(Level.Trial)
        public void login() {
            fixture = Fixture.start();
            client = fixture.client(Fixture.settings().build(), event -> {
            });
            client.login(Fixture.ACCOUNT, Fixture.DEMO_CREDENTIALS);
            client.core().bearer(Fixture.DEMO);
        }

        @TearDown(Level.Trial)
        public void close() {
            client.close();
            fixture.close();
        }
    }

    /** google-auth's credentials holding a token that expires in a year: every call is served from its cache. */
    @State(Scope.Benchmark)
    public static class Google {
        OAuth2Credentials credentials;

        @Setup(Level.Trial)
        public void create() throws IOException {
            Date farFuture = new Date(System.currentTimeMillis() + TimeUnit.DAYS.toMillis(365));
            credentials = OAuth2Credentials.create(new AccessToken("ya29.bench-token", farFuture));
            credentials.getRequestMetadata();
        }
    }

    /** The floor: a volatile field holding the token, which is what any lock-free cache reads at least. */
    @State(Scope.Benchmark)
    public static class Floor {
        volatile String token = "floor-token";
    }

    @Benchmark
    public Secret lpLoginBearer(LpLogin state) {
        return state.client.core().bearer(Fixture.DEMO);
    }

    @Benchmark
    public Map<String, List<String>> googleRequestMetadata(Google state) throws IOException {
        return state.credentials.getRequestMetadata();
    }

    @Benchmark
    public String volatileRead(Floor state) {
        return state.token;
    }
}
