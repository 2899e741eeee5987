package com.example.compliance.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class BatchWorkerTest {

    private final List<List<Integer>> handled = new CopyOnWriteArrayList<>();
    private final List<List<Integer>> failed = new CopyOnWriteArrayList<>();
    private final List<List<Integer>> leftOver = new CopyOnWriteArrayList<>();

    @Test
    void what_queues_while_a_batch_runs_is_handled_together_in_batches_of_at_most_the_limit() throws Exception {
        var firstStarted = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var worker = new BatchWorker<Integer>("test-worker", true, 3, batch -> {
            handled.add(List.copyOf(batch));
            if (batch.contains(0)) {
                firstStarted.countDown();
                await(release);
            }
        }, (batch, e) -> failed.add(batch), leftOver::add);
        worker.start();

        worker.offer(0);
        assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
        for (int i = 1; i <= 5; i++) {
            worker.offer(i);
        }
        release.countDown();

        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> handled.stream().mapToInt(List::size).sum() == 6);
        assertThat(handled).containsExactly(List.of(0), List.of(1, 2, 3), List.of(4, 5));
        worker.stop();
    }

    @Test
    void a_failing_batch_goes_to_the_failure_handler_and_the_worker_goes_on() {
        var worker = new BatchWorker<Integer>("test-worker", false, 10, batch -> {
            if (batch.contains(13)) {
                throw new IllegalStateException("unlucky");
            }
            handled.add(List.copyOf(batch));
        }, (batch, e) -> failed.add(batch), leftOver::add);
        worker.start();

        worker.offer(13);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !failed.isEmpty());
        worker.offer(14);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !handled.isEmpty());

        assertThat(failed).containsExactly(List.of(13));
        assertThat(handled).containsExactly(List.of(14));
        worker.stop();
    }

    @Test
    void after_a_stop_offers_are_refused_and_nothing_queued_is_lost_silently() throws Exception {
        var busy = new CountDownLatch(1);
        var never = new CountDownLatch(1);
        var worker = new BatchWorker<Integer>("test-worker", true, 10, batch -> {
            busy.countDown();
            await(never); // interrupted by stop
        }, (batch, e) -> failed.add(batch), leftOver::add);
        worker.start();
        worker.offer(1);
        assertThat(busy.await(5, TimeUnit.SECONDS)).isTrue();
        worker.offer(2);

        worker.stop();

        assertThat(worker.offer(3)).isFalse();
        assertThat(leftOver).containsExactly(List.of(2));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
