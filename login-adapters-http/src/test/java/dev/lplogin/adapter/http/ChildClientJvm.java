package dev.lplogin.adapter.http;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Runs {@link ChildClient} in a fresh JVM (same JDK, same classes, on the class path) and collects its output. */
final class ChildClientJvm {

    /** What the child printed (stdout and stderr together) and how it ended. */
    record Result(int exitCode, String output) {
    }

    private ChildClientJvm() {
    }

    /**
     * @param environment variables to add; every proxy variable inherited from this process is removed first
     * @param jvmOptions  e.g. {@code -Dhttps.proxyHost=…}
     */
    static Result run(Map<String, String> environment, List<String> jvmOptions, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xshare:auto");
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath());
        command.add(ChildClient.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.toLowerCase(Locale.ROOT).endsWith("_proxy"));
        builder.environment().putAll(environment);
        Process child = builder.start();
        byte[] output = child.getInputStream().readAllBytes();
        if (!child.waitFor(2, TimeUnit.MINUTES)) {
            child.destroyForcibly();
            throw new IllegalStateException("the child JVM did not end");
        }
        return new Result(child.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    /** The test JVM's module path and class path, plus where the test classes are: everything the child needs. */
    private static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        try {
            entries.add(Path.of(ChildClient.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        for (String property : List.of("jdk.module.path", "java.class.path")) {
            String value = System.getProperty(property);
            if (value != null && !value.isBlank()) {
                entries.addAll(List.of(value.split(File.pathSeparator)));
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
