package dev.reg.registry;

import dev.reg.BadInputException;
import dev.reg.util.SymbolicLinks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The rule for paths named in an artifact's {@code files:}: relative, normalised, '/'-separated,
 * inside the artifact folder, never through a symbolic link.
 */
public final class ContentPaths {
    private ContentPaths() {
    }

    /** Checks the text of a {@code files:} entry; {@code where} names the file and field for the error. */
    public static String requireSafe(String where, String path) {
        String problem = problem(path);
        if (problem != null) {
            throw new BadInputException(where + ": '" + ArtifactNames.printable(path) + "' " + problem);
        }
        return path;
    }

    static String problem(String path) {
        if (path == null || path.isEmpty()) {
            return "is empty";
        }
        if (path.startsWith("/") || path.startsWith("\\") || (path.length() > 1 && path.charAt(1) == ':')) {
            return "is absolute; content files are named relative to the artifact folder";
        }
        if (path.indexOf('\\') >= 0) {
            return "contains '\\'; use '/' between folders";
        }
        for (char c : path.toCharArray()) {
            if (c < 0x20 || c == 0x7f) {
                return "contains a control character";
            }
        }
        if (path.startsWith(":")) {
            return "starts with ':', which reg reserves";
        }
        for (String seg : path.split("/", -1)) {
            if (seg.isEmpty() || seg.equals(".")) {
                return "is not normalised (empty or '.' segment)";
            }
            if (seg.equals("..")) {
                return "escapes the artifact folder ('..')";
            }
            if (seg.equalsIgnoreCase(".git")) {
                return "names a .git folder";
            }
        }
        if (path.equals("artifact.yaml")) {
            return "is the artifact's own metadata, which cannot checksum itself";
        }
        return null;
    }

    /**
     * Resolves {@code path} in {@code folder}, refusing symbolic links at any level and anything
     * that is not a regular file.
     */
    public static Path resolveRegularFile(Path folder, String where, String path) {
        requireSafe(where, path);
        SymbolicLinks.firstLink(folder, path).ifPresent(link -> {
            throw new BadInputException(where + ": '" + path + "' goes through a symbolic link ("
                    + link + "); content files must be regular files inside the artifact folder");
        });
        Path current = folder.resolve(path);
        if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
            throw new BadInputException(where + ": '" + path + "' does not exist");
        }
        if (!Files.isRegularFile(current, LinkOption.NOFOLLOW_LINKS)) {
            throw new BadInputException(where + ": '" + path + "' is not a regular file");
        }
        try {
            if (!current.toRealPath().startsWith(folder.toRealPath())) {
                throw new BadInputException(where + ": '" + path + "' resolves outside the artifact folder");
            }
        } catch (IOException e) {
            throw new BadInputException(where + ": '" + path + "' cannot be read: " + e.getMessage());
        }
        return current;
    }
}
