package com.example.compliance.base;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One thread that hands what was queued to a handler in batches: woken by the first item, it takes everything queued
 * since (up to {@code maxBatch}), so a burst costs a few large batches and a lone item goes at once. Group commit for
 * webhook deliveries and their processing both run on it.
 * <p>
 * {@link #offer} refuses once {@link #stop} ran; items still queued or taken at a stop go to {@code onStop}. A
 * batch whose handler throws goes to {@code onFailure}, and the worker goes on with the next.
 */
public final class BatchWorker<T> {

    private final String name;
    private final boolean virtual;
    private final int maxBatch;
    private final Consumer<List<T>> handler;
    private final BiConsumer<List<T>, Throwable> onFailure;
    private final Consumer<List<T>> onStop;
    private final LinkedBlockingQueue<T> queue = new LinkedBlockingQueue<>();
    private volatile Thread thread;

    /**
     * @param virtual a virtual thread (work that blocks on the database often) or a platform daemon thread
     */
    public BatchWorker(String name, boolean virtual, int maxBatch, Consumer<List<T>> handler,
            BiConsumer<List<T>, Throwable> onFailure, Consumer<List<T>> onStop) {
        this.name = name;
        this.virtual = virtual;
        this.maxBatch = maxBatch;
        this.handler = handler;
        this.onFailure = onFailure;
        this.onStop = onStop;
    }

    public void start() {
        // Assigned before it starts: the loop runs while this field holds a thread, and a thread started first could
        // look before the assignment, end at once, and leave everything queued unhandled
        Thread started = (virtual ? Thread.ofVirtual().name(name) : Thread.ofPlatform().name(name).daemon())
                .unstarted(this::run);
        thread = started;
        started.start();
    }

    /** Queues the item for the next batch; false once the worker is stopping (the item is then not taken). */
    public boolean offer(T item) {
        if (thread == null) {
            return false;
        }
        queue.add(item);
        return true;
    }

    /** Stops taking items: the thread is interrupted and whatever is still queued goes to {@code onStop}. */
    public void stop() {
        Thread running = thread;
        thread = null;
        if (running != null) {
            running.interrupt();
        }
        var left = new ArrayList<T>();
        queue.drainTo(left);
        if (!left.isEmpty()) {
            onStop.accept(left);
        }
    }

    private void run() {
        var batch = new ArrayList<T>(maxBatch);
        while (thread != null) {
            try {
                batch.add(queue.take());
                queue.drainTo(batch, maxBatch - 1);
                handler.accept(batch);
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                if (!batch.isEmpty()) {
                    onStop.accept(List.copyOf(batch));
                }
                return;
            } catch (RuntimeException | Error e) {
                onFailure.accept(List.copyOf(batch), e);
            }
            batch.clear();
        }
    }
}
