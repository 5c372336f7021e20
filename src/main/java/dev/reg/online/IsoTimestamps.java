package dev.reg.online;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * ISO-8601 timestamps with an offset ({@code 2025-09-30T12:00:00.123Z}, {@code ...+02:00}) to epoch
 * milliseconds. The common shape is read by hand (ten million events would spend seconds in
 * {@link OffsetDateTime#parse}); anything else goes to {@link OffsetDateTime#parse}, which accepts
 * every ISO offset date-time. A timestamp without an offset is refused: it names no instant.
 */
final class IsoTimestamps {
    static final long INVALID = Long.MIN_VALUE;

    private IsoTimestamps() {
    }

    /** Epoch milliseconds, or {@link #INVALID}. Fractions beyond milliseconds are truncated. */
    static long parse(char[] c, int off, int len) {
        long fast = fast(c, off, len);
        if (fast != INVALID) {
            return fast;
        }
        try {
            return OffsetDateTime.parse(new String(c, off, len)).toInstant().toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException e) {
            return INVALID;
        }
    }

    private static long fast(char[] c, int off, int len) {
        // yyyy-MM-ddTHH:mm:ss then optional .fraction then Z or +HH:MM / -HH:MM
        if (len < 20 || c[off + 4] != '-' || c[off + 7] != '-' || (c[off + 10] != 'T' && c[off + 10] != 't')
                || c[off + 13] != ':' || c[off + 16] != ':') {
            return INVALID;
        }
        int year = digits(c, off, 4);
        int month = digits(c, off + 5, 2);
        int day = digits(c, off + 8, 2);
        int hour = digits(c, off + 11, 2);
        int minute = digits(c, off + 14, 2);
        int second = digits(c, off + 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59) {
            return INVALID;
        }
        int i = off + 19;
        int end = off + len;
        int millis = 0;
        if (c[i] == '.') {
            i++;
            int start = i;
            while (i < end && c[i] >= '0' && c[i] <= '9') {
                if (i - start < 3) {
                    millis = millis * 10 + (c[i] - '0');
                }
                i++;
            }
            int n = i - start;
            if (n == 0) {
                return INVALID;
            }
            for (int k = n; k < 3; k++) {
                millis *= 10;
            }
        }
        if (i >= end) {
            return INVALID;
        }
        int offsetSeconds;
        if ((c[i] == 'Z' || c[i] == 'z') && i + 1 == end) {
            offsetSeconds = 0;
        } else if ((c[i] == '+' || c[i] == '-') && i + 6 == end && c[i + 3] == ':') {
            int oh = digits(c, i + 1, 2);
            int om = digits(c, i + 4, 2);
            if (oh < 0 || oh > 18 || om < 0 || om > 59) {
                return INVALID;
            }
            offsetSeconds = (oh * 3600 + om * 60) * (c[i] == '-' ? -1 : 1);
        } else {
            return INVALID;
        }
        long days = daysFromCivil(year, month, day);
        long seconds = days * 86400 + hour * 3600L + minute * 60L + second - offsetSeconds;
        return seconds * 1000 + millis;
    }

    private static int digits(char[] c, int off, int n) {
        int v = 0;
        for (int i = 0; i < n; i++) {
            char ch = c[off + i];
            if (ch < '0' || ch > '9') {
                return -1;
            }
            v = v * 10 + (ch - '0');
        }
        return v;
    }

    private static int daysInMonth(int y, int m) {
        return switch (m) {
            case 2 -> (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil). */
    private static long daysFromCivil(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }
}
