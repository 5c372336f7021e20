package dev.reg.registry;

import dev.reg.BadInputException;
import java.util.regex.Pattern;

/** The naming rule shared by artifacts and workflows. */
public final class ArtifactNames {
    // Lowercase only, so two names can never collide as tags on a case-insensitive file system.
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    private ArtifactNames() {
    }

    public static boolean isLegal(String name) {
        return name != null && NAME.matcher(name).matches() && !name.contains("..") && !name.endsWith(".lock")
                && !name.endsWith(".");
    }

    /** Returns {@code name} or throws naming what is wrong with it. */
    public static String requireLegal(String what, String name) {
        if (!isLegal(name)) {
            throw new BadInputException("illegal " + what + " name '" + printable(name) + "': names are 1 to 63 characters of"
                    + " lowercase a-z, 0-9, '.', '_' or '-', starting with a letter or digit, without '..' and not ending"
                    + " in '.' or '.lock'");
        }
        return name;
    }

    /** {@code s} with control and non-ASCII characters escaped, safe to show in a message. */
    public static String printable(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return sb.toString();
    }
}
