package com.example.compliance.jira.internal.call;

import com.example.compliance.jira.JiraParkedException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * When the next request of one scope (a site, an endpoint, an issue) may start. Pure logic over a nanosecond clock.
 * <p>
 * A request first {@linkplain #reserve reserves} a slot and sleeps until it <em>without</em> holding one of the site's
 * permits; once it holds a permit it {@linkplain #tryStart starts}, which is refused when the scope was blocked
 * meanwhile or when the start would put more than the learned per-second limit into one rolling second. The rolling
 * second counts every start of the scope, also those sent before Jira named the limit (the first burst) and those
 * whose slot went by while they waited for a permit: that is what keeps a learned burst limit from being overrun,
 * while nobody holds a permit during a wait.
 */
final class Pace {

    /** How many of the latest starts are remembered before a limit is known, and at most once one is. */
    static final int FIRST_REMEMBERED = 16;
    static final int MAX_PER_SECOND = 1024;
    /**
     * Beyond the window's second: Jira's window and ours are not aligned, and requests take a while to arrive. 50 ms
     * covers the spread of arrival times that a request's way to Jira adds; more only slows every paced endpoint down
     * (at 5 a second, each 10 ms of margin costs 1 % of the throughput).
     */
    static final long WINDOW_NANOS = 1_050_000_000L;
    /** How much a refusal despite pacing widens the window, and the widest it gets. */
    static final long WINDOW_STEP_NANOS = 50_000_000L;
    static final long MAX_WINDOW_NANOS = 1_300_000_000L;

    /**
     * How long a learned limit is kept without Jira naming it again (a refusal or a block): then it is forgotten and the
     * scope runs free until Jira refuses again. Jira's limits change (an incident, a new plan); kept for good, a limit
     * learned once would pace the instance until a restart. While paced exactly at the limit Jira refuses nothing, so a
     * steady stream re-learns it with one 429 per quarter of an hour and endpoint: well under 1 % of its requests.
     */
    static final long FORGET_AFTER_NANOS = Duration.ofMinutes(15).toNanos();

    private final LongSupplier nanos;
    private long limitNamedAt;
    private long blockedUntil;
    private long interval;
    private long spacingUntil;
    private long nextSlot;
    private int perSecond;
    private long window = WINDOW_NANOS;
    private long[] starts = new long[FIRST_REMEMBERED];
    private long startCount;
    /** The index of the oldest start still known after {@link #remember} grew the memory. */
    private long firstKnown;

    Pace(LongSupplier nanos) {
        this.nanos = nanos;
        this.blockedUntil = nanos.getAsLong();
    }

    Pace() {
        this(System::nanoTime);
    }

    /** Nobody starts before {@code wait} from now; from then on, at most {@code perSecond} starts a second (0: none). */
    synchronized void block(Duration wait, int perSecond) {
        long now = nanos.getAsLong();
        blockedUntil = Math.max(blockedUntil, now + wait.toNanos());
        if (perSecond > 0) {
            limitNamedAt = now;
            this.perSecond = Math.min(MAX_PER_SECOND, this.perSecond == 0 ? perSecond : Math.min(this.perSecond, perSecond));
            remember(this.perSecond);
            // Evenly spread over the window, so that the rolling-second rule rarely has to hold anybody back
            interval = Math.max(interval, window / this.perSecond);
            spacingUntil = Long.MAX_VALUE;
        }
    }

    /**
     * Jira refused a request of this scope ({@code wait}, then {@code perSecond}). A refusal while the scope was already
     * paced at a learned limit means our starts reach Jira closer together than they leave here (the way there
     * jitters more than the window's margin allows): the window widens by a step, up to a bound, for good.
     */
    synchronized void refused(Duration wait, int perSecond) {
        if (this.perSecond > 0) {
            window = Math.min(MAX_WINDOW_NANOS, window + WINDOW_STEP_NANOS);
            interval = Math.max(interval, window / this.perSecond);
        }
        block(wait, perSecond);
    }

    /** Starts at least {@code spacing} apart during {@code during}, unless a learned limit paces the scope already. */
    synchronized void space(Duration spacing, Duration during) {
        if (spacingUntil != Long.MAX_VALUE) {
            interval = Math.max(interval, spacing.toNanos());
            spacingUntil = Math.max(spacingUntil, nanos.getAsLong() + during.toNanos());
        }
    }

    /** The learned per-second limit, 0 while Jira has named none. */
    synchronized int perSecond() {
        return perSecond;
    }

    /**
     * Reserves the next slot: how long to wait for it (zero when the scope is free). Throws {@link JiraParkedException}
     * when that is longer than {@code parkAfter}; the slot is then not taken.
     */
    synchronized Duration reserve(Duration parkAfter) {
        long now = nanos.getAsLong();
        forgetQuietLimit(now);
        if (now > spacingUntil) {
            interval = 0;
            spacingUntil = 0;
        }
        long slot = Math.max(now, Math.max(blockedUntil, windowFrees()));
        if (interval > 0) {
            slot = Math.max(slot, nextSlot);
        }
        long wait = slot - now;
        if (wait > parkAfter.toNanos()) {
            throw new JiraParkedException(Instant.now().plusNanos(wait), Duration.ofNanos(wait), "a Jira rate limit");
        }
        if (interval > 0) {
            nextSlot = slot + interval;
        }
        return Duration.ofNanos(wait);
    }

    /**
     * Starts a request now if the scope allows it (and counts it), or answers false: the caller lets go of its permit
     * and reserves again.
     */
    synchronized boolean tryStart() {
        long now = nanos.getAsLong();
        if (now < blockedUntil || now < windowFrees()) {
            return false;
        }
        starts[(int) (startCount % starts.length)] = now;
        startCount++;
        return true;
    }

    /**
     * How long until {@link #tryStart} would start a request (zero: now), without counting one. A request whose start
     * is only a few milliseconds off (its slot came a little earlier than an older start's window ends) waits that out
     * with its permit rather than queueing for a slot again.
     */
    synchronized Duration untilStart() {
        long at = Math.max(blockedUntil, windowFrees());
        long now = nanos.getAsLong();
        return at <= now ? Duration.ZERO : Duration.ofNanos(at - now);
    }

    /** A learned limit Jira has not named for {@link #FORGET_AFTER_NANOS} goes, with the pacing and window it set. */
    private void forgetQuietLimit(long now) {
        if (perSecond > 0 && now - limitNamedAt > FORGET_AFTER_NANOS) {
            perSecond = 0;
            interval = 0;
            spacingUntil = 0;
            window = WINDOW_NANOS;
        }
    }

    /** When the rolling second has room for one more start under the learned limit. */
    private long windowFrees() {
        if (perSecond == 0 || startCount - perSecond < firstKnown) {
            return Long.MIN_VALUE;
        }
        return starts[(int) ((startCount - perSecond) % starts.length)] + window;
    }

    /** Keeps at least the latest {@code count} starts from now on (those already remembered stay). */
    private void remember(int count) {
        if (count <= starts.length) {
            return;
        }
        long[] larger = new long[Integer.highestOneBit(count - 1) << 1];
        long kept = Math.min(startCount, starts.length);
        for (long i = startCount - kept; i < startCount; i++) {
            larger[(int) (i % larger.length)] = starts[(int) (i % starts.length)];
        }
        starts = larger;
        firstKnown = startCount - kept;
    }

    static void sleep(Duration wait) {
        if (wait.isNegative() || wait.isZero()) {
            return;
        }
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a Jira rate limit", e);
        }
    }
}
