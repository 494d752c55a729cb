package dev.lplogin.domain.usecase;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

/**
 * Runs tasks directly until {@link #hold()}, then only queues them: the test decides when network work runs, which
 * proves that callers did not wait for it.
 */
final class QueueExecutor implements Executor {

    private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private volatile boolean holding;

    @Override
    public void execute(Runnable task) {
        if (holding) {
            queue.add(task);
        } else {
            task.run();
        }
    }

    void hold() {
        holding = true;
    }

    /** Back to running tasks directly, after running what was queued. */
    void release() {
        holding = false;
        runAll();
    }

    int queued() {
        return queue.size();
    }

    void runAll() {
        Runnable task;
        while ((task = queue.poll()) != null) {
            task.run();
        }
    }
}
