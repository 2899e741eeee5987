package com.example.compliance.security.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The sign-in check of passwords, with the answer "this password matches this hash" remembered for a few minutes.
 * HTTP Basic sends the password with every API request, and each BCrypt check costs about 140 ms of CPU here: a script
 * polling a job paid that per poll. Only successes are remembered (a wrong password always pays the full check, so
 * guessing stays as slow as before, and the sign-in throttle still counts it); the key is an HMAC, under a random key of
 * this process, of the stored hash and the password, so neither is kept, a changed password (a new hash) never matches
 * an old entry, and nothing survives a restart. Account checks (disabled, locked, role) run on every request as before,
 * outside this class. See docs/adr/023.
 */
final class VerifiedPasswordCache implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final Cache<String, Boolean> verified;
    private final SecretKeySpec key;

    VerifiedPasswordCache(PasswordEncoder delegate, Duration remember, long maxEntries) {
        this.delegate = delegate;
        this.verified = Caffeine.newBuilder().expireAfterWrite(remember).maximumSize(maxEntries).build();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        String entry = entryFor(rawPassword, encodedPassword);
        if (verified.getIfPresent(entry) != null) {
            return true;
        }
        boolean matches = delegate.matches(rawPassword, encodedPassword);
        if (matches) {
            verified.put(entry, Boolean.TRUE);
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private String entryFor(CharSequence rawPassword, String encodedPassword) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible); // every Java runtime has HmacSHA256
        }
    }
}
