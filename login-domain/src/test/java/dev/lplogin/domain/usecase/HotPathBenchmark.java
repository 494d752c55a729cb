package dev.lplogin.domain.usecase;

import dev.lplogin.domain.model.Secret;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;

/**
 * A small JMH-free measurement of {@code bearer()} on a fresh session, at 1 and 2 threads: nanoseconds and bytes
 * allocated per call, next to a plain volatile read and a {@code Clock.systemUTC().instant()} for scale. Not a test
 * (surefire does not run it); run it by hand after {@code mvn test-compile}:
 *
 * <pre>
 * java -cp login-domain/target/classes:login-domain/target/test-classes \
 *     dev.lplogin.domain.usecase.HotPathBenchmark
 * </pre>
 *
 * With the argument {@code memory} it measures the heap per idle session instead. The benchmark suite of
 * {@code login-bench} (JMH) is the reference; this one only shows the order of magnitude.
 */
final class HotPathBenchmark {

    private static final long CALLS = 50_000_000L;
    private static volatile Secret plain = Secret.of("x");

    private HotPathBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("memory")) {
            memoryPerIdleSession(20_000);
            return;
        }
        try (Rig rig = new Rig()) {
            LoginUseCase core = rig.core(rig.settings().keepAlive(false));
            core.login(Rig.ACCOUNT, Rig.CREDENTIALS);
            for (int round = 0; round < 3; round++) { // the first round warms up the JIT
                for (int threads = 1; threads <= 2; threads++) {
                    report("bearer() fresh", threads, measure(threads, () -> core.bearer(Rig.KEY)));
                    report("volatile read", threads, measure(threads, () -> plain));
                }
                report("Clock.instant()", 1, measure(1, () -> {
                    java.time.Clock.systemUTC().instant();
                    return plain;
                }));
            }
        }
    }

    /**
     * Heap per idle session: {@code sessions} logged in and kept alive over a store that keeps nothing; the fake
     * service's own bookkeeping (a few maps of its own) is counted in, so this is an upper bound.
     */
    private static void memoryPerIdleSession(int sessions) throws Exception {
        try (Rig rig = new Rig()) {
            rig.gateway.maxLifetime = java.util.Optional.empty();
            LoginUseCase core = LoginCore.create(rig.lookup, rig.gateway, new RetainsNothing(), rig.listener,
                    rig.settings().logoutOnClose(false).build());
            core.login(Rig.ACCOUNT, Rig.credentials(-1));
            long before = usedHeap();
            for (int i = 0; i < sessions; i++) {
                core.login(Rig.ACCOUNT, Rig.credentials(i));
            }
            rig.advance(java.time.Duration.ofMinutes(10)); // a few keep-alive rounds: idle, kept alive
            long after = usedHeap();
            System.out.printf("heap per idle session: %.0f bytes (%d sessions, %d refreshes)%n",
                    (double) (after - before) / sessions, core.sessions().size(), rig.gateway.refreshes.get());
        }
    }

    private static long usedHeap() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** A store that saves by answering "saved" and keeps nothing, so that only the core's own memory counts. */
    private static final class RetainsNothing implements dev.lplogin.domain.port.TokenStore {
        @Override
        public java.util.Optional<dev.lplogin.domain.model.Session> load(dev.lplogin.domain.model.SessionKey key) {
            return java.util.Optional.empty();
        }

        @Override
        public dev.lplogin.domain.port.SaveResult save(dev.lplogin.domain.model.Session session, long expected) {
            return new dev.lplogin.domain.port.SaveResult.Saved(session.withVersion(expected + 1));
        }

        @Override
        public dev.lplogin.domain.port.SaveResult save(dev.lplogin.domain.model.Session session, long expected,
                dev.lplogin.domain.port.Lease lease) {
            return save(session, expected);
        }

        @Override
        public boolean delete(dev.lplogin.domain.model.SessionKey key, long expectedVersion) {
            return false;
        }

        @Override
        public java.util.List<dev.lplogin.domain.model.Session> list() {
            return java.util.List.of();
        }

        @Override
        public java.util.Optional<dev.lplogin.domain.port.Lease> tryLease(dev.lplogin.domain.model.SessionKey key,
                java.time.Duration ttl) {
            return java.util.Optional.of(new dev.lplogin.domain.port.Lease(key, "lease", 1,
                    java.time.Instant.parse("2100-01-01T00:00:00Z")));
        }

        @Override
        public java.util.Optional<dev.lplogin.domain.port.Lease> renew(dev.lplogin.domain.port.Lease lease,
                java.time.Duration ttl) {
            return java.util.Optional.of(lease);
        }

        @Override
        public void release(dev.lplogin.domain.port.Lease lease) {
        }
    }

    private interface Call {
        Secret run();
    }

    private record Result(double nanosPerCall, double bytesPerCall) {
    }

    private static Result measure(int threads, Call call) throws Exception {
        // reflection: the domain module does not read java.management (run from the class path, this works)
        Object mx = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
        Method allocated = Class.forName("com.sun.management.ThreadMXBean").getMethod("getCurrentThreadAllocatedBytes");
        CyclicBarrier start = new CyclicBarrier(threads);
        long[] nanos = new long[threads];
        long[] bytes = new long[threads];
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int me = t;
            Thread worker = new Thread(() -> {
                long nulls = 0;
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                long allocatedBefore = allocatedBytes(allocated, mx);
                long began = System.nanoTime();
                for (long i = 0; i < CALLS; i++) {
                    if (call.run() == null) {
                        nulls++;
                    }
                }
                nanos[me] = System.nanoTime() - began;
                bytes[me] = allocatedBytes(allocated, mx) - allocatedBefore;
                if (nulls != 0) {
                    throw new IllegalStateException("null bearer");
                }
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double ns = 0;
        double b = 0;
        for (int t = 0; t < threads; t++) {
            ns += (double) nanos[t] / CALLS;
            b += (double) bytes[t] / CALLS;
        }
        return new Result(ns / threads, b / threads);
    }

    private static long allocatedBytes(Method allocated, Object mx) {
        try {
            return (Long) allocated.invoke(mx);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void report(String what, int threads, Result result) {
        System.out.printf("%-16s %d thread(s): %6.2f ns/op %6.3f B/op%n", what, threads, result.nanosPerCall(),
                result.bytesPerCall());
    }
}
