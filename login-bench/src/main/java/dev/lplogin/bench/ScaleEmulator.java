package dev.lplogin.bench;

import dev.lplogin.emulator.EmulatorConfig;
import dev.lplogin.emulator.EmulatorStats;
import dev.lplogin.emulator.Endpoint;
import dev.lplogin.emulator.GeneratedAccount;
import dev.lplogin.emulator.LoginEmulator;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The emulator process of the scale benchmark (so that its heap and threads are not counted as the client's):
 * {@code ScaleEmulator USERS CERT_FILE} serves {@link GeneratedAccount#of USERS} generated users over HTTPS, writes its
 * certificate to CERT_FILE and prints its base URL. Then each {@code stats} line on stdin is answered with one line
 * {@code connections=N csds=N login=N refresh=N logout=N status.200=N …}; end of stdin stops it.
 */
public final class ScaleEmulator {

    private ScaleEmulator() {
    }

    public static void main(String[] args) throws Exception {
        int users = Integer.parseInt(args[0]);
        EmulatorConfig config = EmulatorConfig.defaults()
                .withAccounts(List.of(GeneratedAccount.of(users)))
                .withLoginLimit(1_000_000, Duration.ofMinutes(1));
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (LoginEmulator emulator = LoginEmulator.start(config);
             BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            emulator.writeCertificatePem(Path.of(args[1]));
            out.println(emulator.baseUrl());
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.strip().equals("stats")) {
                    out.println(format(emulator.stats()));
                }
            }
        }
    }

    static String format(EmulatorStats stats) {
        StringJoiner line = new StringJoiner(" ");
        line.add("connections=" + stats.connections());
        for (Endpoint endpoint : Endpoint.values()) {
            line.add(endpoint.wireName() + "=" + stats.requests(endpoint));
        }
        new TreeMap<>(stats.statuses()).forEach((status, n) -> line.add("status." + status + "=" + n));
        return line.toString();
    }

    /** The numbers of a {@link #format} line by name. */
    static Map<String, Long> parse(String line) {
        Map<String, Long> values = new TreeMap<>();
        for (String pair : line.strip().split(" ")) {
            int eq = pair.indexOf('=');
            values.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
        }
        return values;
    }
}
