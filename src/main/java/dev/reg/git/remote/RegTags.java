package dev.reg.git.remote;

/**
 * reg's tag grammar at the ref level: {@code refs/tags/<kind>/<name>@<version>} and
 * {@code refs/tags/release/<workflow>/<n>}. Which kinds and versions are legal is the registry's
 * business; here only the shape matters, to pick reg's tags out of everything a remote has.
 */
public final class RegTags {
    public static final String PREFIX = "refs/tags/";

    private RegTags() {
    }

    /** True for a ref reg made or would make: a version tag or a release tag. */
    public static boolean isRegTag(String refName) {
        if (!refName.startsWith(PREFIX)) {
            return false;
        }
        String rest = refName.substring(PREFIX.length());
        String[] parts = rest.split("/", -1);
        if (parts.length == 3 && parts[0].equals("release")) {
            return !parts[1].isEmpty() && !parts[2].isEmpty() && parts[2].chars().allMatch(c -> c >= '0' && c <= '9');
        }
        if (parts.length == 2 && !parts[0].isEmpty()) {
            int at = parts[1].indexOf('@');
            return at > 0 && at < parts[1].length() - 1;
        }
        return false;
    }
}
