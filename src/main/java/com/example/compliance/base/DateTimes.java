package com.example.compliance.base;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The one way the UI writes a point in time: {@code 2026-12-02 14:05 UTC}, a day as {@code 2026-12-02}. Every view uses
 * these, so a date reads the same on every screen and always says its time zone.
 */
public final class DateTimes {

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_TIME_SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private DateTimes() {}

    /** {@code 2026-12-02 14:05 UTC}; an empty text for null. */
    public static String format(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    /** {@code 2026-12-02 14:05:09 UTC}, where seconds matter (the audit trail); an empty text for null. */
    public static String formatWithSeconds(Instant instant) {
        return instant == null ? "" : DATE_TIME_SECONDS.format(instant);
    }

    /** The UTC day, {@code 2026-12-02}; an empty text for null. */
    public static String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant);
    }
}
