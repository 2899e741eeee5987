package com.example.compliance.ticket.internal;

import com.example.compliance.base.Futures;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;

/** How an update job cuts its issues: chunks for Jira's bulk calls, and per-issue work run side by side. */
final class IssueBatches {

    private IssueBatches() {}

    static <T> List<List<T>> chunks(List<T> all, int size) {
        var chunks = new ArrayList<List<T>>();
        for (int from = 0; from < all.size(); from += size) {
            chunks.add(all.subList(from, Math.min(all.size(), from + size)));
        }
        return chunks;
    }

    /**
     * Per-issue work on virtual threads, as the same user; the call policy bounds the requests in flight per site. A
     * failure (a Jira pause included) is rethrown once every issue's work has ended.
     */
    static void inParallel(List<Ticket> tickets, Consumer<Ticket> work) {
        if (tickets.isEmpty()) {
            return;
        }
        try (var executor = new DelegatingSecurityContextExecutorService(Executors.newVirtualThreadPerTaskExecutor())) {
            var futures = new ArrayList<Future<?>>();
            tickets.forEach(t -> futures.add(executor.submit(() -> work.accept(t))));
            Futures.joinAll(futures, BulkJobRunner.JobInterrupted::new);
        }
    }
}
