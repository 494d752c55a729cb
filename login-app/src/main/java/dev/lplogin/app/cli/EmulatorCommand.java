package dev.lplogin.app.cli;

import dev.lplogin.emulator.DemoAccount;
import dev.lplogin.emulator.EmulatorAccount;
import dev.lplogin.emulator.EmulatorConfig;
import dev.lplogin.emulator.GeneratedAccount;
import dev.lplogin.emulator.LoginEmulator;
import dev.lplogin.emulator.SecondLogin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code lp-login emulator}: runs a local Login Service and Domain API until Ctrl-C; stdout line 1 is its URL. */
@Command(name = "emulator", mixinStandardHelpOptions = true,
        description = {"Run a local LivePerson Login Service + Domain API (HTTPS by default) until Ctrl-C.",
                "The first line on stdout is its base URL: use it as --csds (and its certificate as --ca-cert)."})
final class EmulatorCommand implements Callable<Integer> {

    @ParentCommand
    private LpLoginCommand root;

    @Option(names = "--port", paramLabel = "N", description = "TCP port on 127.0.0.1; default 0 = any free port.")
    private int port;

    @Option(names = "--http", description = "Plain HTTP instead of HTTPS (loopback only).")
    private boolean http;

    @Option(names = "--cert-out", paramLabel = "FILE",
            description = "Write the HTTPS certificate (PEM) here; default a file in the temp directory.")
    private Path certOut;

    @Option(names = "--accounts", paramLabel = "FILE",
            description = "Also serve the accounts in this JSON file (format: docs/cli.md).")
    private Path accountsFile;

    @Option(names = "--generated-users", paramLabel = "N",
            description = "Also serve account " + GeneratedAccount.ACCOUNT_ID + " with N password users user-1..user-N"
                    + " (password password-1..password-N), for load tests.")
    private Integer generatedUsers;

    @Option(names = "--second-login", paramLabel = "kick-out|refuse|allow",
            description = {"What a login of a user whose session is live does (docs/protocol.md §3.5): kick-out ends "
                    + "the first session (default), refuse answers 429 and keeps it, allow lets both live."})
    private String secondLogin;

    @Option(names = "--refuse-oauth1",
            description = "Answer every OAuth1 bot login 401, as LivePerson may since it ended OAuth1 bot login.")
    private boolean refuseOAuth1;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw CliException.usage("--port must be 0-65535, got " + port, "0 picks a free port");
        }
        if (http && certOut != null) {
            throw CliException.usage("--cert-out needs HTTPS", "drop --http, or drop --cert-out");
        }
        if (generatedUsers != null && (generatedUsers < 1 || generatedUsers > GeneratedAccount.MAX_USERS)) {
            throw CliException.usage("--generated-users must be 1-" + GeneratedAccount.MAX_USERS + ", got "
                    + generatedUsers, "e.g. --generated-users 10000");
        }
        EmulatorConfig config = EmulatorConfig.defaults().withPort(port).withHttps(!http)
                .withOAuth1Refused(refuseOAuth1);
        if (secondLogin != null) {
            try {
                config = config.withSecondLogin(SecondLogin.fromOptionValue(secondLogin));
            } catch (IllegalArgumentException e) {
                throw CliException.usage("--second-login: " + e.getMessage(), "e.g. --second-login refuse");
            }
        }
        if (accountsFile != null) {
            config = config.plusAccounts(EmulatorAccount.load(accountsFile));
        }
        if (generatedUsers != null) {
            config = config.plusAccounts(java.util.List.of(GeneratedAccount.of(generatedUsers)));
        }
        Output output = root.output();
        LoginEmulator emulator = LoginEmulator.start(config);
        Path cert = null;
        if (!http) {
            cert = certOut != null ? certOut
                    : Files.createTempFile("lp-login-emulator-" + emulator.port() + "-", ".pem");
            emulator.writeCertificatePem(cert);
        }
        Path certificate = cert;
        output.result(emulator.baseUrl().toString(), () -> Json.object()
                .put("baseUrl", emulator.baseUrl().toString())
                .put("certificate", certificate == null ? null : certificate.toString())
                .put("accounts", emulator.config().accounts().stream().map(EmulatorAccount::id).toList()));
        output.note("lp-login: emulator running at " + emulator.baseUrl() + (http ? " (plain HTTP)"
                : " (HTTPS, certificate in " + certificate + ")") + "; Ctrl-C to stop");
        output.note("  demo account " + DemoAccount.ACCOUNT_ID + ": user " + DemoAccount.USERNAME + " (password "
                + DemoAccount.PASSWORD + "), OAuth2 bot " + DemoAccount.BOT_USERNAME + " (client "
                + DemoAccount.CLIENT_ID + ", secret " + DemoAccount.CLIENT_SECRET + ") -- public test data");
        output.note("  try: LP_CSDS=" + emulator.baseUrl() + (http ? "" : " LP_CA_CERT=" + certificate)
                + " LP_PASSWORD=" + DemoAccount.PASSWORD + " lp-login login --account " + DemoAccount.ACCOUNT_ID
                + " --user " + DemoAccount.USERNAME);
        StopSignal.awaitThen(emulator::close, Duration.ofSeconds(5));
        return ExitCode.OK.code();
    }
}
