package com.example.compliance.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class VerifiedPasswordCacheTest {

    /** BCrypt at its cheapest strength, counting the checks it makes. */
    private static final class CountingEncoder implements PasswordEncoder {
        final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        final AtomicInteger checks = new AtomicInteger();

        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    }

    private final CountingEncoder bcrypt = new CountingEncoder();
    private final VerifiedPasswordCache cache = new VerifiedPasswordCache(bcrypt, Duration.ofMinutes(5), 100);

    @Test
    void a_verified_password_is_not_checked_again() {
        String hash = bcrypt.encode("correct horse battery");

        assertThat(cache.matches("correct horse battery", hash)).isTrue();
        assertThat(cache.matches("correct horse battery", hash)).isTrue();
        assertThat(cache.matches("correct horse battery", hash)).isTrue();

        assertThat(bcrypt.checks).hasValue(1);
    }

    @Test
    void a_wrong_password_pays_the_full_check_every_time() {
        String hash = bcrypt.encode("correct horse battery");
        cache.matches("correct horse battery", hash);

        assertThat(cache.matches("correct horse batterY", hash)).isFalse();
        assertThat(cache.matches("correct horse batterY", hash)).isFalse();

        assertThat(bcrypt.checks).hasValue(3);
    }

    @Test
    void a_changed_password_hash_never_matches_the_old_entry() {
        String before = bcrypt.encode("correct horse battery");
        cache.matches("correct horse battery", before);
        String after = bcrypt.encode("a new password entirely");

        assertThat(cache.matches("correct horse battery", after)).isFalse();
        assertThat(cache.matches("a new password entirely", after)).isTrue();
    }

    @Test
    void an_entry_expires() throws Exception {
        var shortLived = new VerifiedPasswordCache(bcrypt, Duration.ofMillis(50), 100);
        String hash = bcrypt.encode("correct horse battery");
        shortLived.matches("correct horse battery", hash);

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).until(() -> {
            int before = bcrypt.checks.get();
            shortLived.matches("correct horse battery", hash);
            return bcrypt.checks.get() > before;
        });
    }
}
