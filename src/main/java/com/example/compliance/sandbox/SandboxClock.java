package com.example.compliance.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/** The sandbox's own time: the app's clock plus an offset that tests move forward to expire codes and tokens. */
@Component
@SandboxEnabled
public class SandboxClock {

    private final Clock clock;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    SandboxClock(Clock clock) {
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant().plus(offset.get());
    }

    public void advance(Duration by) {
        offset.accumulateAndGet(by, Duration::plus);
    }

    public Duration offset() {
        return offset.get();
    }

    public void reset() {
        offset.set(Duration.ZERO);
    }
}
