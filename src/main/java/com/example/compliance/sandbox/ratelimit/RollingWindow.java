package com.example.compliance.sandbox.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;

/** The admitted calls of one key within the last {@code length}: a rolling window (not thread-safe; the limiter locks). */
final class RollingWindow {

    private final Duration length;
    private final ArrayDeque<Instant> admitted = new ArrayDeque<>();

    RollingWindow(Duration length) {
        this.length = length;
    }

    int count(Instant now) {
        // The sandbox clock jumped back (a reset): what was admitted "later" no longer counts
        if (!admitted.isEmpty() && admitted.peekLast().isAfter(now)) {
            admitted.clear();
        }
        while (!admitted.isEmpty() && !admitted.peekFirst().plus(length).isAfter(now)) {
            admitted.removeFirst();
        }
        return admitted.size();
    }

    /** When fewer than {@code limit} calls remain in the window, so one more is admitted; call after {@link #count}. */
    Instant freesAt(int limit) {
        Iterator<Instant> oldestFirst = admitted.iterator();
        Instant blocking = oldestFirst.next();
        for (int i = 0; i < admitted.size() - limit; i++) {
            blocking = oldestFirst.next();
        }
        return blocking.plus(length);
    }

    void add(Instant now) {
        admitted.addLast(now);
    }
}
