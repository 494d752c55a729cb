package dev.lplogin.adapter.http;

import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.model.Credentials;
import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.ServiceHost;
import dev.lplogin.domain.model.ServiceName;
import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.port.LoggedIn;
import dev.lplogin.domain.port.Refreshed;
import dev.lplogin.emulator.DemoAccount;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The HTTP adapters in a JVM of their own, for what the JDK decides once per JVM (the idle-connection timeout, Basic
 * for proxy tunnels): a Domain API lookup, a login, a pause, a refresh. Run by {@link ChildClientJvm}. Arguments: the
 * Domain API URL, the PEM file to trust, the pause in milliseconds, and optionally the idle-connection timeout in
 * seconds ({@code jdk} for the JDK's own). The proxy comes from the environment. Prints {@code ok}, or
 * {@code failed: <message>} and exits 1. With {@code -Dchild.verbose=true} every log of the adapters and of the
 * JDK client is printed, so a test can look for secrets in it.
 */
public final class ChildClient {

    private ChildClient() {
    }

    public static void main(String[] args) throws Exception {
        if (Boolean.getBoolean("child.verbose")) {
            ConsoleHandler all = new ConsoleHandler();
            all.setLevel(Level.ALL);
            for (String name : List.of("dev.lplogin", "jdk.internal.httpclient", "jdk.httpclient.HttpClient")) {
                Logger logger = Logger.getLogger(name);
                logger.setLevel(Level.ALL);
                logger.addHandler(all);
            }
        }
        HttpSettings.Builder settings = HttpSettings.builder()
                .csdsBaseUrl(URI.create(args[0]))
                .extraTrustedCertificate(Path.of(args[1]))
                .retryDelays(List.of())
                .proxyEnvironment(System.getenv());
        if (args.length > 3) {
            if (args[3].equals("jdk")) {
                settings.jdkIdleConnectionTimeout();
            } else {
                settings.idleConnectionTimeout(Duration.ofSeconds(Long.parseLong(args[3])));
            }
        }
        AccountId account = AccountId.of(DemoAccount.ACCOUNT_ID);
        try (HttpTransport transport = HttpTransport.create(settings.build())) {
            ServiceHost host = new HttpDomainLookup(transport, InstantSource.system())
                    .lookup(account, ServiceName.LOGIN);
            HttpAuthGateway gateway = new HttpAuthGateway(transport, InstantSource.system());
            Session session = ((LoggedIn) gateway.login(account, host, new Credentials.UserPassword(
                    DemoAccount.USERNAME, Secret.of(DemoAccount.PASSWORD)))).session();
            Thread.sleep(Long.parseLong(args[2]));
            if (!(gateway.refresh(session) instanceof Refreshed)) {
                throw new IllegalStateException("the refresh did not confirm the session");
            }
            System.out.println("ok");
        } catch (RuntimeException e) {
            System.out.println("failed: " + e.getMessage());
            System.exit(1);
        }
    }
}
