package dev.racer.reward.python;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One daemon thread that watches every running reward call and stops those that overrun their budget. The
 * hot path only writes a start time (no allocation, no scheduling per call); the watchdog polls every few
 * milliseconds.
 */
final class Watchdog {
    private static final Logger LOG = LoggerFactory.getLogger(Watchdog.class);
    private static final long TICK_NANOS = 2_000_000;
    private static final Set<Guarded> GUARDED = ConcurrentHashMap.newKeySet();
    private static volatile Thread thread;

    /** Something with calls to watch. */
    interface Guarded {
        /** {@link System#nanoTime()} when the current call started, or 0 when idle. */
        long startedNanos();

        /** The call's budget [ns]. */
        long budgetNanos();

        /** Stops the call started at {@code startedNanos}; runs on its own thread, may block a little. */
        void expire(long startedNanos);
    }

    private Watchdog() {
    }

    static void watch(Guarded g) {
        GUARDED.add(g);
        if (thread == null) {
            synchronized (Watchdog.class) {
                if (thread == null) { // none yet, or it stopped when nothing was left to watch
                    Thread t = new Thread(Watchdog::loop, "racer-reward-watchdog");
                    t.setDaemon(true);
                    t.start();
                    thread = t;
                }
            }
        }
    }

    static void unwatch(Guarded g) {
        GUARDED.remove(g);
    }

    private static void loop() {
        Set<Long> expired = ConcurrentHashMap.newKeySet();
        while (true) {
            LockSupport.parkNanos(TICK_NANOS);
            if (GUARDED.isEmpty()) {
                synchronized (Watchdog.class) { // a resident process (the reward daemon) must not tick while idle
                    if (GUARDED.isEmpty()) {
                        thread = null;
                        return;
                    }
                }
            }
            long now = System.nanoTime();
            for (Guarded g : GUARDED) {
                long s = g.startedNanos();
                if (s != 0 && now - s > g.budgetNanos() && expired.add(s)) {
                    Thread t = new Thread(() -> {
                        try {
                            g.expire(s);
                        } catch (RuntimeException e) {
                            LOG.warn("stopping a reward call that ran over its budget failed", e);
                        } finally {
                            expired.remove(s);
                        }
                    }, "racer-reward-stop");
                    t.setDaemon(true);
                    t.start();
                }
            }
        }
    }
}
