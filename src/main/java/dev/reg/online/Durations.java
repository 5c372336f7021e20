package dev.reg.online;

import dev.reg.BadInputException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Window lengths as SRE documents write them: {@code 5m}, {@code 1h}, {@code 30d}, {@code 90s}, {@code 2w}. */
public final class Durations {
    private static final Pattern FORM = Pattern.compile("([1-9][0-9]{0,6})([smhdw])");

    private Durations() {
    }

    /** Parses {@code text}; {@code where} names it in the error. Whole minutes only below a minute are refused. */
    public static Duration parse(String text, String where) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new BadInputException(where + ": expected a duration such as 5m, 1h, 30d or 2w, found '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
        if (d.toSeconds() % 60 != 0) {
            throw new BadInputException(where + ": windows are whole minutes, found '" + text + "'");
        }
        return d;
    }

    /** {@code 30d}, {@code 6h}, {@code 5m}: the largest unit that divides the duration. */
    public static String format(Duration d) {
        long m = d.toMinutes();
        if (m % (7 * 1440) == 0) {
            return m / (7 * 1440) + "w";
        }
        if (m % 1440 == 0) {
            return m / 1440 + "d";
        }
        return m % 60 == 0 ? m / 60 + "h" : m + "m";
    }
}
