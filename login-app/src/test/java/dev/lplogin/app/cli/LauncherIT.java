package dev.lplogin.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/lp-login} put on the PATH as docs/cli.md says: a symlink in a directory of the PATH, called by its bare
 * name from anywhere. The launcher finds its clone through the link.
 */
class LauncherIT {

    private static final Path LAUNCHER = Path.of("..", "bin", "lp-login").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void a_symlink_on_the_path_runs_the_clones_launcher_by_its_bare_name() throws Exception {
        assumeFalse(sourcesNewerThanTheBuild(), "sources changed since the build: the launcher would rebuild the "
                + "modules the other tests run on");
        Path onPath = Files.createDirectories(dir.resolve("home/.local/bin"));
        Files.createSymbolicLink(onPath.resolve("lp-login"), LAUNCHER);
        // through a shell, as a user would: it looks the bare name up on the PATH given here
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", "lp-login --version").directory(dir.toFile())
                .redirectErrorStream(true);
        builder.environment().put("PATH", onPath + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().put("HOME", dir.resolve("home").toString());
        builder.environment().put("LP_CLASS_CACHE", "off"); // no background recording of the start-up cache

        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        assertThat(out).startsWith("lp-login ");
    }

    /** What makes bin/lp-login build first: a pom.xml or main source newer than the app jar. */
    private static boolean sourcesNewerThanTheBuild() throws java.io.IOException {
        Path root = LAUNCHER.getParent().getParent();
        Path jar = root.resolve("login-app/target/modules/login-app.jar");
        if (!Files.exists(jar)) {
            return true;
        }
        java.nio.file.attribute.FileTime built = Files.getLastModifiedTime(jar);
        try (java.util.stream.Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.git/"))
                    .filter(p -> p.getFileName().toString().equals("pom.xml") || p.toString().contains("/src/main/"))
                    .filter(Files::isRegularFile)
                    .anyMatch(p -> {
                        try {
                            return Files.getLastModifiedTime(p).compareTo(built) > 0;
                        } catch (java.io.IOException e) {
                            return false;
                        }
                    });
        }
    }
}
