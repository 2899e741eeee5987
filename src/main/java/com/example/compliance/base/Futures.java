package com.example.compliance.base;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/** Waiting for work handed to other threads, with its failure rethrown as the caller would have seen it. */
public final class Futures {

    private Futures() {}

    /**
     * The task's result; its unchecked failure as it was thrown, a checked one wrapped. An interrupted wait restores
     * the flag and throws what {@code interrupted} gives (a job's "hand on", for example).
     */
    public static <T> T join(Future<T> future, Supplier<? extends RuntimeException> interrupted) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted.get();
        }
    }

    /** Waits for every task in order; the first failure is rethrown (see {@link #join}). */
    public static void joinAll(List<? extends Future<?>> futures, Supplier<? extends RuntimeException> interrupted) {
        for (Future<?> future : futures) {
            join(future, interrupted);
        }
    }
}
