package dev.racer.league;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;

/** A sliding one-minute window per key: at most {@code perMinute} events. In memory (reset by a restart). */
final class RateLimiter {
    private final int perMinute;
    private final ConcurrentHashMap<String, Deque<Long>> windows = new ConcurrentHashMap<>();

    RateLimiter(int perMinute) {
        this.perMinute = perMinute;
    }

    /** Records an event for {@code key}; returns 0 if allowed, else the seconds to wait. */
    long acquire(String key) {
        long now = System.nanoTime();
        long minute = 60_000_000_000L;
        Deque<Long> w = windows.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (w) {
            while (!w.isEmpty() && now - w.peekFirst() >= minute) {
                w.pollFirst();
            }
            if (w.size() >= perMinute) {
                return Math.max(1, (minute - (now - w.peekFirst())) / 1_000_000_000L + 1);
            }
            w.addLast(now);
            return 0;
        }
    }
}
