package dev.lplogin.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lplogin.adapter.http.HttpSettings;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Parsing, validation and exit codes of everything that fails before any service is called. */
class CommandLineTest {

    private static final Map<String, String> ENV = Map.of("HOME", "/nonexistent-lp-login-home");

    @Test
    void no_command_prints_usage_and_exits_2() {
        CliRun run = CliRun.of();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Usage: lp-login").contains("token").contains("keepalive");
    }

    @Test
    void help_exits_0_and_lists_every_command_and_the_exit_codes() {
        CliRun run = CliRun.of("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("domain", "login", "token", "refresh", "logout", "status", "keepalive",
                "emulator", "demo", "--csds", "--store", "--ca-cert", "--json", "--verbose", "Exit codes");
    }

    /** The help states the Domain API default; the value itself has one source, the HTTP adapter's settings. */
    @Test
    void help_shows_the_http_adapters_default_domain_api_url() {
        assertThat(CliRun.of("--help").out()).contains(HttpSettings.DEFAULT_CSDS_BASE_URL.toString());
    }

    /** The exit-code list once broke mid-list across two lines: now every code is a cell of its own. */
    @Test
    void help_lists_each_exit_code_with_its_meaning_on_one_line() {
        String out = CliRun.of("--help").out();

        for (String entry : List.of("0  ok", "1  other error", "2  usage or bad input",
                "3  credentials rejected", "4  blocked by LivePerson (451)", "5  rate limited (429)",
                "6  service unreachable or unavailable", "7  not logged in, and no credentials to log in")) {
            assertThat(out.lines()).as(entry).anyMatch(line -> line.contains(entry));
        }
    }

    /** The command list shows each description's first line: it must be a whole sentence, never cut mid-way. */
    @Test
    void help_describes_every_command_in_a_whole_sentence() {
        String out = CliRun.of("--help").out();
        String commands = out.substring(out.indexOf("Commands:"), out.indexOf("Exit codes:"));
        java.util.Map<String, String> described = new java.util.LinkedHashMap<>();
        String current = null;
        for (String line : commands.lines().skip(1).toList()) {
            java.util.regex.Matcher entry = java.util.regex.Pattern.compile("^  (\\S+)\\s+(.*)$").matcher(line);
            if (entry.matches()) {
                current = entry.group(1);
                described.put(current, entry.group(2).strip());
            } else if (current != null && !line.isBlank()) {
                described.merge(current, line.strip(), (a, b) -> a + " " + b);
            }
        }

        assertThat(described).hasSize(LpLoginCommand.SUBCOMMANDS.size());
        described.forEach((command, text) -> assertThat(text).as(command).endsWith("."));
    }

    /** The usage is built from the subcommands' outlines (LpLoginCommand.register) and reads as with their models. */
    @Test
    void the_usage_from_outlines_is_the_usage_from_full_models() {
        CommandLine outlines = new CommandLine(root());
        LpLoginCommand.register(outlines, new String[] {"--help"});
        CommandLine full = new CommandLine(root());
        LpLoginCommand.SUBCOMMANDS.forEach(full::addSubcommand);

        assertThat(outlines.getSubcommands().get("token").getCommandSpec().options())
                .as("an outline has none of its own options").allMatch(option -> option.inherited());
        for (CommandLine.Help.Ansi ansi : CommandLine.Help.Ansi.values()) {
            assertThat(outlines.getUsageMessage(ansi)).as(ansi.name()).isEqualTo(full.getUsageMessage(ansi));
        }
    }

    @Test
    void an_unknown_command_is_a_usage_error_with_a_hint() {
        CliRun run = CliRun.of("tokne");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("lp-login: ").contains("tokne").contains("--help");
        assertThat(run.err().lines().count()).isLessThanOrEqualTo(2);
    }

    @Test
    void a_missing_account_says_how_to_give_one() {
        CliRun run = CliRun.of("domain");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("missing --account").contains("LP_ACCOUNT");
    }

    @Test
    void an_account_id_with_a_slash_or_a_space_is_bad_input() {
        assertThat(CliRun.of("token", "--account", "12/34", "--user", "bob").exitCode()).isEqualTo(2);

        CliRun spaced = CliRun.of("domain", "--account", "12 34");
        assertThat(spaced.exitCode()).isEqualTo(2);
        assertThat(spaced.err()).contains("account id must be").contains("'12 34'").doesNotContain("Exception");
    }

    @Test
    void global_options_work_before_and_after_the_command() {
        CliRun after = CliRun.of("domain", "--account", "1", "--csds", "ftp://nowhere");
        CliRun before = CliRun.of("--csds", "ftp://nowhere", "domain", "--account", "1");

        assertThat(after.exitCode()).isEqualTo(2);
        assertThat(after.err()).contains("--csds").contains("ftp://nowhere");
        assertThat(before.exitCode()).isEqualTo(2);
        assertThat(before.err()).contains("--csds").contains("ftp://nowhere");
    }

    @Test
    void environment_supplies_defaults_and_flags_override_it() {
        CliRun run = CliRun.of(Map.of("HOME", "/h", "LP_CSDS", "ftp://from-env"), "", "domain", "--account", "1");

        assertThat(run.err()).contains("LP_CSDS");
        assertThat(CliRun.of(Map.of("HOME", "/h", "LP_ACCOUNT", "a/b"), "", "domain").err())
                .contains("'a/b'");
    }

    @Test
    void stack_traces_only_with_verbose() {
        CliRun quiet = CliRun.of("domain", "--account", "a/b");
        CliRun verbose = CliRun.of("--verbose", "domain", "--account", "a/b");

        assertThat(quiet.err()).doesNotContain("\tat ");
        assertThat(verbose.exitCode()).isEqualTo(2);
        assertThat(verbose.err()).contains("IllegalArgumentException").contains("\tat ");
    }

    @Test
    void json_errors_are_json_on_stderr() {
        CliRun run = CliRun.of("domain", "--json");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("{\"error\":\"missing --account\"").endsWith("\"exitCode\":2}");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void a_user_login_without_any_password_source_is_bad_input() {
        CliRun run = CliRun.of(ENV, "", "login", "--account", "1", "--user", "bob");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("missing password for bob").contains("LP_PASSWORD")
                .contains("--password-stdin");
    }

    @Test
    void a_bot_login_without_its_secret_is_bad_input() {
        CliRun oauth2 = CliRun.of(ENV, "", "login", "--account", "1", "--user", "bot", "--client-id", "cid");
        CliRun oauth1 = CliRun.of(Map.of("HOME", "/h", "LP_APP_SECRET", "s"), "", "login", "--account", "1",
                "--user", "bot", "--app-key", "key");

        assertThat(oauth2.exitCode()).isEqualTo(2);
        assertThat(oauth2.err()).contains("LP_CLIENT_SECRET").contains("--secret-stdin");
        assertThat(oauth1.exitCode()).isEqualTo(2);
        assertThat(oauth1.err().lines().findFirst()).hasValueSatisfying(line -> assertThat(line)
                .contains("missing LP_ACCESS_TOKEN, LP_ACCESS_TOKEN_SECRET").doesNotContain("LP_APP_SECRET"));
    }

    @Test
    void secrets_are_not_accepted_as_arguments() {
        CliRun run = CliRun.of("login", "--account", "1", "--user", "bob", "--password", "hunter2");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--password");
    }

    @Test
    void conflicting_options_are_usage_errors() {
        assertThat(CliRun.of("logout", "--all", "--account", "1").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("domain", "--account", "1", "--all", "--service", "x").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("login", "--account", "1", "--user", "b", "--client-id", "c", "--app-key", "k")
                .exitCode()).isEqualTo(2);
        assertThat(CliRun.of("keepalive", "--refresh-interval", "0s").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("keepalive", "--refresh-interval", "45m").err()).contains("idle timeout");
    }

    private static LpLoginCommand root() {
        return new LpLoginCommand(ENV, new Terminal(new ByteArrayInputStream(new byte[0]), null),
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), Clock.systemUTC());
    }
}
