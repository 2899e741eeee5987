package com.example.compliance.jira.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes sure tokens are never stored without a key. With {@code JASYPT_ENCRYPTOR_PASSWORD} set, nothing to do. Unset on
 * the embedded H2 default: generate a key once into {@code <app.data-dir>/jasypt.key} (owner-only) and warn. Unset on
 * any other database: refuse to start, because a generated key on a shared database would be lost with the machine.
 */
public class EncryptionKeyEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String PASSWORD_PROPERTY = "jasypt.encryptor.password";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty(PASSWORD_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return;
        }
        String url = environment.getProperty("spring.datasource.url", "");
        if (!url.startsWith("jdbc:h2:")) {
            throw new IllegalStateException("""
                    JASYPT_ENCRYPTOR_PASSWORD is not set. Jira tokens are stored encrypted with it, and on a database \
                    other than the embedded H2 default it must be given explicitly (a long random string, kept \
                    secret and the same for every instance).""");
        }
        Path keyFile = Path.of(environment.getProperty("app.data-dir", "./data")).resolve("jasypt.key");
        String key = readOrCreate(keyFile);
        environment.getPropertySources().addLast(new MapPropertySource("generated-encryption-key", Map.of(PASSWORD_PROPERTY, key)));
    }

    static String readOrCreate(Path keyFile) {
        try {
            if (Files.exists(keyFile)) {
                return Files.readString(keyFile, StandardCharsets.UTF_8).strip();
            }
            Files.createDirectories(keyFile.toAbsolutePath().getParent());
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Files.writeString(keyFile, key, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                keyFile.toFile().setReadable(false, false);
                keyFile.toFile().setReadable(true, true);
            }
            // Logging is not set up yet this early in start-up; stderr reaches the console and the service log.
            System.err.printf("""
                    WARNING: JASYPT_ENCRYPTOR_PASSWORD is not set. Generated an encryption key for Jira tokens in %s \
                    (owner-only). Back it up with the database, or set JASYPT_ENCRYPTOR_PASSWORD.%n""",
                    keyFile.toAbsolutePath().normalize());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the encryption key file " + keyFile, e);
        }
    }

}
