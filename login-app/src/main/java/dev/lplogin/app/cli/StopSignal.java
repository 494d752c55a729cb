package dev.lplogin.app.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Lets a long-running command ({@code keepalive}, {@code emulator}) run until Ctrl-C and then end cleanly. */
final class StopSignal {

    private StopSignal() {
    }

    /**
     * Blocks until the JVM is asked to stop (Ctrl-C, SIGTERM), runs {@code onStop} on this thread, then ends the
     * process with exit code 0: a stop request is these commands' normal end, not a failure (the JVM's own code would
     * be 130). If {@code onStop} takes longer than {@code maxStopTime}, the process ends anyway.
     */
    static void awaitThen(Runnable onStop, Duration maxStopTime) throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                stopped.await(maxStopTime.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(ExitCode.OK.code());
        }, "lp-login-stop"));
        stop.await();
        try {
            onStop.run();
        } finally {
            stopped.countDown();
        }
    }
}
