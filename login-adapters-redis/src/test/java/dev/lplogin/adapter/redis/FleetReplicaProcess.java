package dev.lplogin.adapter.redis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A {@link FleetReplica} process, run by the fleet ITs, and everything it printed; when each save arrived
 * ({@code System.nanoTime()}), so that a test can tell when saves resumed after a failover.
 */
final class FleetReplicaProcess {

    final int index;
    final Process process;
    final Path errors;
    final List<String> lines = new CopyOnWriteArrayList<>();
    final List<String> recent = new CopyOnWriteArrayList<>();
    final List<Long> savedAt = new CopyOnWriteArrayList<>();
    volatile String lastBearer;
    volatile long leasedSince; // System.nanoTime() of the last "leased", 0 after "released"

    private FleetReplicaProcess(int index, Process process, Path errors) {
        this.index = index;
        this.process = process;
        this.errors = errors;
        Thread.ofVirtual().start(this::read);
    }

    /** Starts replica {@code index} on the Redis at {@code redisUrl}; it prints {@code ready} when warm. */
    static FleetReplicaProcess start(Path scratch, int index, String csds, String pem, String redisUrl, String prefix,
                                     long refreshMillis, long leaseMillis) throws IOException {
        Path errors = scratch.resolve("replica-" + index + ".stderr");
        List<String> command = List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m",
                "-cp", System.getProperty("java.class.path"), FleetReplica.class.getName(),
                csds, pem, redisUrl, prefix, Long.toString(refreshMillis), Long.toString(leaseMillis));
        Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        return new FleetReplicaProcess(index, process, errors);
    }

    private void read() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("bearer ")) {
                    lastBearer = line.substring("bearer ".length());
                } else if (line.startsWith("leased ")) {
                    leasedSince = System.nanoTime();
                } else if (line.startsWith("released ")) {
                    leasedSince = 0;
                } else if (line.startsWith("saved ")) {
                    savedAt.add(System.nanoTime());
                }
                lines.add(line);
                recent.add(line);
            }
        } catch (IOException e) {
            // killed
        }
    }

    /** Tells the warm replica to start asking for the bearer. */
    void go() {
        try {
            process.getOutputStream().write("go\n".getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String lastBearer() {
        return lastBearer;
    }

    boolean heldLeaseFor(Duration held) {
        long since = leasedSince;
        return since != 0 && process.isAlive() && System.nanoTime() - since >= held.toNanos();
    }

    void clearEvents() {
        recent.clear();
    }

    void clearFailures() {
        lines.removeIf(l -> l.startsWith("fail "));
    }

    /** The {@code fail …} lines: {@code bearer()} calls that threw. */
    List<String> failures() {
        return lines.stream().filter(l -> l.startsWith("fail ")).toList();
    }

    /** Waits for a line matching {@code wanted} printed since the last {@link #clearEvents}. */
    void await(Predicate<String> wanted, Duration timeout, String what) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (recent.stream().anyMatch(wanted)) {
                return;
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("replica " + index + " printed no " + what + " within " + timeout + " (alive: "
                + process.isAlive() + "); its output:\n" + String.join("\n", lines) + "\nits stderr:\n"
                + Files.readString(errors));
    }

    /** What it printed and its stderr, for a failure message. */
    String log() {
        StringBuilder log = new StringBuilder("--- replica ").append(index).append(":\n")
                .append(String.join("\n", lines));
        try {
            String stderr = Files.readString(errors);
            log.append("\n--- its stderr:\n").append(stderr.length() > 4_000 ? stderr.substring(0, 4_000) : stderr);
        } catch (IOException e) {
            log.append("\n(no stderr)");
        }
        return log.toString();
    }

    /** SIGKILL: no shutdown hook, no release of the lease, no logout. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
