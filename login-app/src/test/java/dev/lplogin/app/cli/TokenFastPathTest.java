package dev.lplogin.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@link TokenFastPath} and picocli's model of {@code token} agree: the same options, read alike; whatever the fast
 * path does not read plainly is left to picocli.
 */
class TokenFastPathTest {

    @Test
    void knows_exactly_the_options_of_picocli_model_of_token() {
        CommandLine picocli = picocliModel();
        CommandSpec root = picocli.getCommandSpec();
        CommandSpec token = picocli.getSubcommands().get("token").getCommandSpec();

        assertThat(names(root, false, true)).isEqualTo(new TreeSet<>(TokenFastPath.GLOBAL_VALUES));
        assertThat(names(root, false, false)).isEqualTo(new TreeSet<>(TokenFastPath.GLOBAL_FLAGS));
        assertThat(names(token, true, true)).isEqualTo(new TreeSet<>(TokenFastPath.TOKEN_VALUES));
        assertThat(names(token, true, false)).isEqualTo(new TreeSet<>(TokenFastPath.TOKEN_FLAGS));
    }

    static List<List<String>> plainCommandLines() {
        return List.of(
                List.of("token"),
                List.of("token", "--account", "12345678", "--user", "bob"),
                List.of("--csds", "https://csds.example", "token", "--user=bob", "--verify"),
                List.of("token", "--store", "/tmp/store", "--json", "--verbose", "--account=12"),
                List.of("--verbose", "--store=memory", "token", "--ca-cert", "emulator.pem"),
                List.of("token", "--user", "token", "--csds=https://a.example/x?y=z"));
    }

    @ParameterizedTest
    @MethodSource("plainCommandLines")
    void reads_a_plain_token_command_as_picocli_does(List<String> args) {
        String[] argv = args.toArray(String[]::new);

        assertThat(TokenFastPath.parse(argv)).hasValueSatisfying(parsed ->
                assertThat(parsed.options()).isEqualTo(picocliReading(argv)));
    }

    static List<List<String>> commandLinesForPicocli() {
        return List.of(
                List.of(),
                List.of("--help"),
                List.of("-V"),
                List.of("status"),
                List.of("token", "--help"),
                List.of("token", "-h"),
                List.of("token", "--account"),
                List.of("token", "--account="),
                List.of("token", "--account", "--user", "bob"),
                List.of("token", "--user", "-bob"),
                List.of("token", "--user", "@names.txt"),
                List.of("--account", "1", "token"),
                List.of("token", "--user", "a", "--user", "b"),
                List.of("token", "--json", "--json"),
                List.of("token", "token"),
                List.of("token", "extra"),
                List.of("token", "--"),
                List.of("@args.txt"),
                List.of("token", "--verify=true"),
                List.of("token", "--acount", "1"));
    }

    @ParameterizedTest
    @MethodSource("commandLinesForPicocli")
    void leaves_anything_but_the_plain_form_to_picocli(List<String> args) {
        assertThat(TokenFastPath.parse(args.toArray(String[]::new))).isEmpty();
    }

    @Test
    void token_help_is_still_picocli_help() {
        CliRun run = CliRun.of("token", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: lp-login token").contains("--verify").contains("--account");
    }

    @Test
    void a_repeated_option_gets_picocli_usage_error() {
        CliRun run = CliRun.of("token", "--user", "a", "--user", "b");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--user").contains("lp-login token --help");
    }

    /** Errors of the command itself are the same on either path: here one the fast path read and ran. */
    @Test
    void a_bad_account_is_bad_input_on_the_fast_path_too() {
        String[] argv = {"token", "--account", "12/34", "--user", "bob"};
        assertThat(TokenFastPath.parse(argv)).isPresent();

        CliRun run = CliRun.of(argv);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("account id must be");
    }

    private static CommandLine picocliModel() {
        LpLoginCommand root = new LpLoginCommand(Map.of(), new Terminal(new ByteArrayInputStream(new byte[0]), null),
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), Clock.systemUTC());
        CommandLine commandLine = new CommandLine(root);
        commandLine.addSubcommand(TokenCommand.class);
        return commandLine;
    }

    /** The long names of {@code spec}'s own options (not help, not inherited) that take a value or are flags. */
    private static Set<String> names(CommandSpec spec, boolean ownOnly, boolean takingValue) {
        Set<String> names = new TreeSet<>();
        for (OptionSpec option : spec.options()) {
            if (option.usageHelp() || option.versionHelp() || ownOnly && option.inherited()) {
                continue;
            }
            assertThat(option.names()).as("one name each: the fast path knows no aliases").hasSize(1);
            if ((option.arity().max() > 0) == takingValue) {
                names.add(option.longestName());
            }
        }
        return names;
    }

    /** What picocli reads from {@code argv}: each matched option's value ({@code ""} for a flag), at any level. */
    private static Map<String, String> picocliReading(String[] argv) {
        Map<String, String> options = new HashMap<>();
        for (CommandLine.ParseResult level = picocliModel().parseArgs(argv); level != null;
                level = level.subcommand()) {
            for (OptionSpec option : level.matchedOptions()) {
                options.put(option.longestName(), option.arity().max() == 0 ? "" : option.getValue().toString());
            }
        }
        return options;
    }
}
