package check;

import dev.lplogin.adapter.http.HttpSettings;
import dev.lplogin.emulator.EmulatorAccount;
import dev.lplogin.emulator.EmulatorConfig;
import dev.lplogin.emulator.EmulatorUser;
import dev.lplogin.emulator.Endpoint;
import dev.lplogin.emulator.LoginEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import snippets.AllSnippets;
import snippets.SnippetContext;

/**
 * The consumer check (release-check/run): a project outside lp-login's build, using only the released artifacts,
 * runs the README's embeddings against the emulator, on the class path or the module path (the argument says which
 * one it was started on, and it checks that it really was).
 */
public final class Main {

    /**
     * The snippets that run against the emulator, by generated class name (README.md's n-th snippet is Readme_n),
     * each with the number of logins it makes there; every other snippet is compiled only. A renumbered README
     * fails here by name, never silently.
     */
    private static final List<Run> RUNS = List.of(
            new Run("Readme_1", 1),   // the three lines
            new Run("Readme_5", 1),   // the Dagger component
            new Run("Readme_6", 0),   // the emulator and HttpSettings pointing at it
            new Run("Readme_7", 0));  // metrics in three lines

    private record Run(String snippet, int logins) {
    }

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        String path = args.length == 1 ? args[0] : "";
        boolean named = Main.class.getModule().isNamed();
        if (!Set.of("class-path", "module-path").contains(path) || named != path.equals("module-path")) {
            throw new IllegalStateException("started on the " + (named ? "module" : "class") + " path, told " + path);
        }
        EmulatorConfig config = EmulatorConfig.defaults().plusAccounts(List.of(new EmulatorAccount(
                SnippetContext.ACCOUNT, List.of(EmulatorUser.oauth2Bot(SnippetContext.BOT, SnippetContext.CLIENT_ID,
                        SnippetContext.CLIENT_SECRET)))));
        Path scratch = Files.createTempDirectory("lp-login-consumer-");
        try (LoginEmulator emulator = LoginEmulator.start(config)) {
            Path pem = scratch.resolve("emulator.pem");
            emulator.writeCertificatePem(pem);
            SnippetContext.bind(HttpSettings.builder().csdsBaseUrl(emulator.baseUrl()).extraTrustedCertificate(pem)
                    .build(), scratch);
            List<SnippetContext> all = AllSnippets.all();
            for (Run run : RUNS) {
                SnippetContext snippet = all.stream().filter(s -> s.getClass().getSimpleName().equals(run.snippet()))
                        .findFirst().orElseThrow(() -> new IllegalStateException("no snippet " + run.snippet()));
                long before = emulator.stats().requests(Endpoint.LOGIN);
                snippet.run();
                long logins = emulator.stats().requests(Endpoint.LOGIN) - before;
                if (logins != run.logins()) {
                    throw new IllegalStateException(snippet.origin() + " made " + logins + " logins at the emulator, "
                            + "expected " + run.logins());
                }
                System.out.println("ran " + snippet.origin() + " (" + run.snippet() + ") on the " + path + ": "
                        + logins + " login(s) at the emulator");
            }
            System.out.println("consumer check passed on the " + path + ": " + all.size() + " snippets compiled, "
                    + RUNS.size() + " run against the emulator");
        }
        System.exit(0);   // the snippets' cores keep sessions alive on daemon-less schedulers; this check is done
    }
}
