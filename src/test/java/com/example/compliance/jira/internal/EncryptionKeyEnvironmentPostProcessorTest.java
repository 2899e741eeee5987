package com.example.compliance.jira.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class EncryptionKeyEnvironmentPostProcessorTest {

    private final EncryptionKeyEnvironmentPostProcessor processor = new EncryptionKeyEnvironmentPostProcessor();

    @Test
    void explicit_key_is_used_as_is(@TempDir Path dir) {
        var env = new MockEnvironment().withProperty("jasypt.encryptor.password", "given-key")
                .withProperty("spring.datasource.url", "jdbc:postgresql://db/prod")
                .withProperty("app.data-dir", dir.toString());

        processor.postProcessEnvironment(env, new SpringApplication());

        assertThat(env.getProperty("jasypt.encryptor.password")).isEqualTo("given-key");
        assertThat(dir.resolve("jasypt.key")).doesNotExist();
    }

    @Test
    void refuses_to_start_on_postgresql_without_a_key(@TempDir Path dir) {
        var env = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/prod")
                .withProperty("app.data-dir", dir.toString());

        assertThatThrownBy(() -> processor.postProcessEnvironment(env, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("JASYPT_ENCRYPTOR_PASSWORD is not set");
        assertThat(dir.resolve("jasypt.key")).doesNotExist();
    }

    @Test
    void embedded_h2_generates_an_owner_only_key_outside_the_data_directory_once_and_reuses_it(@TempDir Path dir)
            throws Exception {
        Path keyFile = dir.resolve("secrets").resolve("jasypt.key");
        var first = h2(dir).withProperty("app.encryption-key-file", keyFile.toString());
        processor.postProcessEnvironment(first, new SpringApplication());
        var second = h2(dir).withProperty("app.encryption-key-file", keyFile.toString());
        processor.postProcessEnvironment(second, new SpringApplication());

        String key = first.getProperty("jasypt.encryptor.password");
        assertThat(key).hasSizeGreaterThanOrEqualTo(43);
        assertThat(second.getProperty("jasypt.encryptor.password")).isEqualTo(key);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(dir.resolve("data").resolve("jasypt.key")).doesNotExist();
        assertThat(EncryptionKeyEnvironmentPostProcessor.warnWhenReadableByOthers(keyFile)).isFalse();
    }

    @Test
    void a_key_file_readable_by_others_is_reported(@TempDir Path dir) throws Exception {
        Path keyFile = dir.resolve("jasypt.key");
        Files.writeString(keyFile, "some-key");
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(EncryptionKeyEnvironmentPostProcessor.warnWhenReadableByOthers(keyFile)).isTrue();
    }

    @Test
    void a_key_from_before_in_the_data_directory_is_still_used(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data").resolve("jasypt.key"), "legacy-key");
        var env = h2(dir).withProperty("app.encryption-key-file", dir.resolve("secrets/jasypt.key").toString());

        processor.postProcessEnvironment(env, new SpringApplication());

        assertThat(env.getProperty("jasypt.encryptor.password")).isEqualTo("legacy-key");
        assertThat(dir.resolve("secrets/jasypt.key")).doesNotExist();
    }

    private static MockEnvironment h2(Path dir) {
        return new MockEnvironment().withProperty("spring.datasource.url", "jdbc:h2:file:./data/x")
                .withProperty("app.data-dir", dir.resolve("data").toString());
    }
}
