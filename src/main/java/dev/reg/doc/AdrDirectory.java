package dev.reg.doc;

import dev.reg.BadInputException;
import dev.reg.registry.ContentPaths;
import dev.reg.registry.RegistryView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ADR folder of a repository: the one {@code .adr-dir} names (as adr-tools does), else
 * {@code adr/}. Files are {@code NNNN-slug.md}, one number sequence for ADRs and memos.
 */
public final class AdrDirectory {
    private static final Pattern FILE = Pattern.compile("([0-9]+)-([^/]*)\\.md");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");

    private final Path root;
    private final String folder;

    public AdrDirectory(Path root) {
        this.root = root;
        this.folder = readFolder(root);
    }

    private static String readFolder(Path root) {
        Path marker = root.resolve(".adr-dir");
        if (!Files.isRegularFile(marker)) {
            return "adr";
        }
        try {
            String f = Files.readString(marker, StandardCharsets.UTF_8).strip();
            if (f.endsWith("/")) {
                f = f.substring(0, f.length() - 1);
            }
            ContentPaths.requireSafe(".adr-dir", f.isEmpty() ? "adr" : f);
            return f.isEmpty() ? "adr" : f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path root() {
        return root;
    }

    /** The folder relative to the repository root, e.g. {@code adr}. */
    public String folder() {
        return folder;
    }

    /** Repository path of an ADR file name. */
    public String path(String fileName) {
        return folder + "/" + fileName;
    }

    /** The file name of ADR {@code number} titled {@code title}: {@code 0003-release-copilot-2.md}. */
    public static String fileName(int number, String title) {
        return String.format("%04d-%s.md", number, MarkdownText.slug(title));
    }

    /** Every ADR file in the folder, by number. */
    public List<Adr> list() {
        List<Adr> out = new ArrayList<>();
        for (Path p : files()) {
            out.add(read(p));
        }
        return out;
    }

    /** The number the next ADR takes: one past the highest in the folder. */
    public int nextNumber() {
        int max = 0;
        for (Path p : files()) {
            max = Math.max(max, number(p.getFileName().toString()));
        }
        return max + 1;
    }

    /**
     * The number the next ADR takes when the change is committed on {@code committed}: one past the
     * highest here and there (a remote tip a change is planned on may hold ADRs this clone has not
     * taken yet).
     */
    public int nextNumber(RegistryView committed) {
        int max = nextNumber() - 1;
        for (String name : committed.children(folder).keySet()) {
            max = Math.max(max, number(name));
        }
        return max + 1;
    }

    /** The ADR at repository path {@code path} as stored in {@code committed}, else as it stands here; empty when neither has it. */
    public java.util.Optional<Adr> readPath(RegistryView committed, String path) {
        if (committed.isFile(path)) {
            String file = path.substring(path.lastIndexOf('/') + 1);
            return java.util.Optional.of(Adr.parse(number(file), file,
                    new String(committed.readSmall(path, Integer.MAX_VALUE - 8), StandardCharsets.UTF_8)));
        }
        return Files.isRegularFile(root.resolve(path)) ? java.util.Optional.of(readPath(path)) : java.util.Optional.empty();
    }

    /**
     * The ADR a user means by {@code ref}: a number ({@code 2}, {@code 0002}) is the file whose
     * number is 2, never a file whose name merely contains a 2; otherwise a file name or slug.
     */
    public Adr resolve(String ref) {
        String r = ref.strip();
        List<Path> matches = new ArrayList<>();
        if (DIGITS.matcher(r).matches()) {
            int n = Integer.parseInt(r);
            for (Path p : files()) {
                if (number(p.getFileName().toString()) == n) {
                    matches.add(p);
                }
            }
        } else {
            String name = r.contains("/") ? r.substring(r.lastIndexOf('/') + 1) : r;
            for (Path p : files()) {
                String f = p.getFileName().toString();
                if (f.equals(name) || f.equals(name + ".md")) {
                    matches.add(p);
                }
            }
        }
        if (matches.isEmpty()) {
            throw new BadInputException("no ADR '" + ref + "' in " + folder + "/ (give its number, e.g. 2, or its file name)");
        }
        if (matches.size() > 1) {
            throw new BadInputException("'" + ref + "' names more than one ADR in " + folder + "/: "
                    + String.join(", ", matches.stream().map(p -> p.getFileName().toString()).toList()));
        }
        return read(matches.get(0));
    }

    public Adr read(Path file) {
        try {
            String name = file.getFileName().toString();
            return Adr.parse(number(name), name, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads the ADR at repository path {@code path} (e.g. a memo named in the ledger). */
    public Adr readPath(String path) {
        Path file = root.resolve(path);
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(path + " does not exist");
        }
        return read(file);
    }

    /** The file names of every ADR in the folder, by number, without reading them. */
    public List<String> fileNames() {
        return files().stream().map(p -> p.getFileName().toString()).toList();
    }

    private List<Path> files() {
        Path dir = root.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                if (FILE.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p)) {
                    out.add(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort(Comparator.comparingInt((Path p) -> number(p.getFileName().toString()))
                .thenComparing(p -> p.getFileName().toString()));
        return out;
    }

    /** The number of ADR file {@code 0003-release-copilot-2.md}: 3; -1 when the name is not an ADR's. */
    public static int number(String fileName) {
        Matcher m = FILE.matcher(fileName);
        if (!m.matches()) {
            return -1;
        }
        String digits = m.group(1).replaceFirst("^0+(?=.)", "");
        return digits.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(digits);
    }
}
