package dev.lplogin.adapter.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The {@code User-Agent} this client sends: {@code lp-login/<version> Java/<runtime version>} (spec §3 decision). */
final class UserAgent {

    static final String DEFAULT = "lp-login/" + version() + " Java/" + Runtime.version();

    private UserAgent() {
    }

    // The version is written into a resource by the build (Maven resource filtering), so it is right on the class
    // path and the module path alike.
    private static String version() {
        try (InputStream in = UserAgent.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "dev");
            return version.isBlank() || version.startsWith("$") ? "dev" : version;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the lp-login version resource", e);
        }
    }
}
