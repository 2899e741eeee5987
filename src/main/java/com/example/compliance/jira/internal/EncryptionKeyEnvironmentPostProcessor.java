package com.example.compliance.jira.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes sure tokens are never stored without a key. With {@code JASYPT_ENCRYPTOR_PASSWORD} set, nothing to do. Unset on
 * the embedded H2 default: generate a key once into {@code app.encryption-key-file} ({@code ./secrets/jasypt.key},
 * outside the database's directory, so a copy of the database is not also a copy of its key), created owner-only from
 * its first byte, and warn; on every start warn when the file's permissions are wider. A key from before, in
 * {@code <app.data-dir>/jasypt.key}, is still read. Unset on any other database: refuse to start, because a generated
 * key on a shared database would be lost with the machine.
 */
public class EncryptionKeyEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String PASSWORD_PROPERTY = "jasypt.encryptor.password";
    static final String KEY_FILE_PROPERTY = "app.encryption-key-file";
    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

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
                    other than the embedded H2 default it must be given explicitly (a random value of at least 32 \
                    bytes, e.g. `openssl rand -base64 48`, kept secret and the same for every instance).""");
        }
        Path keyFile = Path.of(environment.getProperty(KEY_FILE_PROPERTY, "./secrets/jasypt.key"));
        Path legacy = Path.of(environment.getProperty("app.data-dir", "./data")).resolve("jasypt.key");
        String key = Files.notExists(keyFile) && Files.exists(legacy) ? readOrCreate(legacy) : readOrCreate(keyFile);
        environment.getPropertySources().addLast(new MapPropertySource("generated-encryption-key", Map.of(PASSWORD_PROPERTY, key)));
    }

    static String readOrCreate(Path keyFile) {
        try {
            if (Files.exists(keyFile)) {
                warnWhenReadableByOthers(keyFile);
                return Files.readString(keyFile, StandardCharsets.UTF_8).strip();
            }
            Files.createDirectories(keyFile.toAbsolutePath().getParent());
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            createOwnerOnly(keyFile);
            Files.writeString(keyFile, key, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            // Logging is not set up yet this early in start-up; stderr reaches the console and the service log.
            System.err.printf("""
                    WARNING: JASYPT_ENCRYPTOR_PASSWORD is not set. Generated an encryption key for Jira tokens in %s \
                    (owner-only). Back it up apart from the database, or set JASYPT_ENCRYPTOR_PASSWORD.%n""",
                    keyFile.toAbsolutePath().normalize());
            return key;
        } catch (FileAlreadyExistsException raced) {
            return readOrCreate(keyFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the encryption key file " + keyFile, e);
        }
    }

    /** The file exists with owner-only permissions before a byte is written: no moment in which others may read it. */
    private static void createOwnerOnly(Path keyFile) throws IOException {
        try {
            Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(keyFile);
            keyFile.toFile().setReadable(false, false);
            keyFile.toFile().setWritable(false, false);
            keyFile.toFile().setReadable(true, true);
            keyFile.toFile().setWritable(true, true);
        }
    }

    static boolean warnWhenReadableByOthers(Path keyFile) throws IOException {
        try {
            var permissions = Files.getPosixFilePermissions(keyFile);
            if (!OWNER_ONLY.containsAll(permissions)) {
                System.err.printf("WARNING: the encryption key file %s is %s; make it owner-only: chmod 600 %s%n",
                        keyFile.toAbsolutePath().normalize(), PosixFilePermissions.toString(permissions),
                        keyFile.toAbsolutePath().normalize());
                return true;
            }
        } catch (UnsupportedOperationException notPosix) {
            // Windows: ACLs, not checked here
        }
        return false;
    }
}
