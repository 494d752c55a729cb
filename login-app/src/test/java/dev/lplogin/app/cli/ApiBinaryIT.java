package dev.lplogin.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.lplogin.emulator.DemoAccount;
import dev.lplogin.testkit.EmulatorExtension;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lp-login api} passes a body that is not text to stdout byte for byte: bytes from a service the Domain API
 * does not know (a {@code --service-host} override to a loopback server, plain HTTP beside the emulator over HTTP).
 */
class ApiBinaryIT {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.http();

    @TempDir
    Path dir;

    @Test
    void theBodyReachesStdoutByteForByte() throws Exception {
        byte[] bytes = new byte[256 * 4];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 7);
        }
        HttpServer files = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        files.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        files.start();
        try {
            CliProcess cli = CliProcess.against(EMULATOR.emulator(), dir).env("LP_ACCOUNT", DemoAccount.ACCOUNT_ID)
                    .env("LP_USERNAME", DemoAccount.USERNAME).env("LP_PASSWORD", DemoAccount.PASSWORD);
            Process process = cli.start(Map.of(), "--service-host",
                    "binaryFiles=127.0.0.1:" + files.getAddress().getPort(), "api", "binaryFiles", "/file.bin");
            process.getOutputStream().close();
            var err = CliProcess.async(() -> readAll(process.getErrorStream()));
            byte[] out = process.getInputStream().readAllBytes();

            assertThat(process.waitFor()).as(new String(err.join(), StandardCharsets.UTF_8)).isZero();
            assertThat(out).isEqualTo(bytes);
        } finally {
            files.stop(0);
        }
    }

    private static byte[] readAll(java.io.InputStream in) {
        try {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
