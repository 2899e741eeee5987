package com.example.compliance.finding.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The uploaded file on disk (a detection pass and a parse pass read it), deleted on close. */
public final class Spool implements AutoCloseable {

    private final Path file;
    private final long size;

    private Spool(Path file, long size) {
        this.file = file;
        this.size = size;
    }

    /** Copies the body; stops as soon as it exceeds {@code maxBytes} and throws {@link TooLarge}. */
    public static Spool copy(InputStream body, long maxBytes) {
        Path file;
        try {
            file = Files.createTempFile("findings-import-", ".upload");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long total = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = body.read(buffer)) >= 0) {
                total += n;
                if (total > maxBytes) {
                    throw new TooLarge(maxBytes);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            delete(file);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
        return new Spool(file, total);
    }

    public Path file() {
        return file;
    }

    public long size() {
        return size;
    }

    @Override
    public void close() {
        delete(file);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temp file; the OS cleans its temp directory
        }
    }

    /** The body is larger than the limit. */
    public static final class TooLarge extends RuntimeException {
        private final long maxBytes;

        TooLarge(long maxBytes) {
            super("larger than " + maxBytes + " bytes");
            this.maxBytes = maxBytes;
        }

        public long maxBytes() {
            return maxBytes;
        }
    }
}
