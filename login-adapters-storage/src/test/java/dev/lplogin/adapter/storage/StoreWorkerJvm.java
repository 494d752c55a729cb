package dev.lplogin.adapter.storage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A {@link StoreWorker} in its own JVM, driven line by line over stdin/stdout; closing it kills it. */
final class StoreWorkerJvm implements AutoCloseable {

    private static final String END_OF_OUTPUT = "\u0000eof";

    private final Process process;
    private final Path errors;
    private final PrintWriter input;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private StoreWorkerJvm(Process process, Path errors) {
        this.process = process;
        this.errors = errors;
        this.input = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread.ofVirtual().start(this::pumpOutput);
    }

    /** Starts {@code StoreWorker args…} (see {@link ChildLauncher}); its stderr goes to a file in scratch. */
    static StoreWorkerJvm start(Path scratch, String... args) throws IOException {
        List<String> command = ChildLauncher.command(args);
        Path errors = Files.createTempFile(scratch, "child-", ".stderr");
        Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        return new StoreWorkerJvm(process, errors);
    }

    /** The next line the child printed; fails if none comes within {@code timeout} or the child ended. */
    String nextLine(Duration timeout) throws InterruptedException, IOException {
        String line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null || line.equals(END_OF_OUTPUT)) {
            throw new AssertionError("child " + process.pid() + " printed nothing within " + timeout
                    + " (alive: " + process.isAlive() + "); its stderr:\n" + Files.readString(errors));
        }
        return line;
    }

    /** Sends one line to the child's stdin. */
    void send(String line) {
        input.println(line);
    }

    /** SIGKILL on Linux: no shutdown hooks, no finally blocks, no flushing. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Waits for the child to exit by itself and returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("child " + process.pid() + " did not exit within " + timeout);
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    private void pumpOutput() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the child was killed mid-line: its output ends here
        }
        lines.add(END_OF_OUTPUT);
    }
}
