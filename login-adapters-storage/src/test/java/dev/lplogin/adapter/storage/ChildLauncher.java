package dev.lplogin.adapter.storage;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The java command line of the child JVMs. The crash test starts 50 of them, and most of a child's CPU goes into
 * loading Yasson and the store; so, once per test run, a warm-up child records a class-data-sharing archive of those
 * classes (-XX:ArchiveClassesAtExit, JDK 13+) that every later child maps instead. CDS accepts only jars on the class
 * path, so class directories are packed into one jar first. If anything of that fails, children start without it.
 */
final class ChildLauncher {

    // short-lived children: the quick compiler only, and the simplest collector
    private static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private static List<String> classPathOptions;

    private ChildLauncher() {
    }

    /** {@code java <options> StoreWorker args…}. */
    static List<String> command(String... args) {
        return java(classPathOptions(), args);
    }

    private static List<String> java(List<String> options, String... args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.addAll(QUICK_START);
        command.addAll(options);
        command.add(StoreWorker.class.getName());
        command.addAll(List.of(args));
        return command;
    }

    private static synchronized List<String> classPathOptions() {
        if (classPathOptions == null) {
            classPathOptions = withSharedArchive().orElse(List.of("-cp", System.getProperty("java.class.path")));
        }
        return classPathOptions;
    }

    private static Optional<List<String>> withSharedArchive() {
        try {
            Path work = Files.createTempDirectory("lp-login-children");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(work)));
            String classPath = jarsOnly(work);
            Path archive = work.resolve("children.jsa");
            List<String> warmUp = java(List.of("-cp", classPath, "-XX:ArchiveClassesAtExit=" + archive),
                    "warm-up", work.resolve("store").toString(), "warm-up");
            Process process = new ProcessBuilder(warmUp).redirectErrorStream(true)
                    .redirectOutput(work.resolve("warm-up.log").toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || !Files.exists(archive)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return Optional.of(List.of("-cp", classPath, "-XX:SharedArchiveFile=" + archive));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** This JVM's class path with its directories packed into one jar (first entry wins, as on the class path). */
    private static String jarsOnly(Path work) throws IOException {
        Path packed = work.resolve("classes.jar");
        List<String> entries = new ArrayList<>(List.of(packed.toString()));
        Set<String> seen = new HashSet<>();
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(packed))) {
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                Path path = Path.of(entry);
                if (!Files.isDirectory(path)) {
                    entries.add(entry);
                    continue;
                }
                try (Stream<Path> files = Files.walk(path)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        String name = path.relativize(file).toString().replace(File.separatorChar, '/');
                        if (seen.add(name)) {
                            jar.putNextEntry(new JarEntry(name));
                            Files.copy(file, jar);
                            jar.closeEntry();
                        }
                    }
                }
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }
}
