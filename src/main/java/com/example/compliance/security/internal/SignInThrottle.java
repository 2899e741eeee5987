package com.example.compliance.security.internal;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins per user name and per client address, as Bucket4j token buckets in the database (table
 * {@code sign_in_throttle}), so every instance sees the same counts. A failure takes a token; an empty bucket refuses
 * the next attempt, right password or not, until the window refills it whole ({@code lock}, 15 minutes). Names are
 * counted whether or not such a user exists, so a lock says nothing about who has an account.
 */
@Component
class SignInThrottle {

    private final ThrottleBuckets buckets;
    private final BucketConfiguration perUser;
    private final BucketConfiguration perAddress;
    private final BucketConfiguration oncePerWindow;
    private final Duration lock;

    SignInThrottle(DataSource dataSource, Clock clock,
            @Value("${app.security.sign-in.max-failures-per-user:10}") int perUserFailures,
            @Value("${app.security.sign-in.max-failures-per-address:100}") int perAddressFailures,
            @Value("${app.security.sign-in.lock:15m}") Duration lock) {
        this.lock = lock;
        // The app's clock, so the lock can be tested; the rows' own expiry is wall-clock time like Bucket4j's
        TimeMeter appClock = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000L;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        this.buckets = new ThrottleBuckets(dataSource, ClientSideConfig.getDefault().withClientClock(appClock),
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)));
        this.perUser = window(perUserFailures, lock);
        this.perAddress = window(perAddressFailures, lock);
        this.oncePerWindow = window(1, lock);
    }

    private static BucketConfiguration window(int failures, Duration lock) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(failures).refillIntervally(failures, lock))
                .build();
    }

    /** Whether this name or this address has used up its failures. Costs two indexed row reads. */
    boolean locked(String username, String address) {
        return user(username).getAvailableTokens() <= 0 || (address != null && address(address).getAvailableTokens() <= 0);
    }

    /** Counts a failure; true when it used up the name's or the address's last try. */
    boolean failed(String username, String address) {
        var byName = user(username);
        byName.tryConsume(1);
        boolean lockedNow = byName.getAvailableTokens() <= 0;
        if (address != null) {
            var byAddress = address(address);
            byAddress.tryConsume(1);
            lockedNow |= byAddress.getAvailableTokens() <= 0;
        }
        return lockedNow;
    }

    /**
     * Whether this is the first refusal of a locked name (or, when the address is what is locked, address) in the
     * current lock window: a bucket of one token per window, in the same table, so every instance agrees.
     */
    boolean firstRefusalInWindow(String username, String address) {
        boolean addressLocked = address != null && address(address).getAvailableTokens() <= 0
                && user(username).getAvailableTokens() > 0;
        String key = addressLocked ? "refused-addr:" + address : "refused-user:" + normalise(username);
        return buckets.getProxy(key, () -> oncePerWindow).tryConsume(1);
    }

    /** A successful sign-in: the name's failures were not "in a row" after all. */
    void succeeded(String username) {
        user(username).reset();
    }

    Duration lock() {
        return lock;
    }

    /** Buckets that have refilled are plain rows of nothing: delete them now and then. */
    @Scheduled(fixedDelayString = "${app.security.sign-in.cleanup-interval:1h}", initialDelayString = "${app.security.sign-in.cleanup-interval:1h}")
    void removeRefilled() {
        while (buckets.removeExpired(500) == 500) {
            // another batch
        }
    }

    private BucketProxy user(String username) {
        return buckets.getProxy("user:" + normalise(username), () -> perUser);
    }

    private BucketProxy address(String address) {
        return buckets.getProxy("addr:" + address, () -> perAddress);
    }

    static String normalise(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return name.length() > 200 ? name.substring(0, 200) : name;
    }
}
