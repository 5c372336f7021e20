package dev.reg.git;

import dev.reg.util.AtomicFiles;
import dev.reg.util.Faults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectInserter;

/**
 * The journal of one change in flight, {@code journal} in its {@link ChangeLock} folder: every file
 * the change puts into the work tree before publishing (so a crash before then removes them), and,
 * written just before the ref transaction, what it still owes the work tree once published (so a
 * crash after then is completed). Each record is written atomically before the step it describes.
 *
 * <p>Lines: {@code branch REF}, {@code mkdir PATH}, {@code create PATH} (about to create),
 * {@code created FINGERPRINT PATH}, {@code commit ID}, {@code ref ID REF}, {@code folder PATH},
 * {@code write BEFORE AFTER PATH} and {@code delete BEFORE PATH} (blob ids of the work-tree file
 * before the change and of what the change writes, {@code none} for no file).
 */
final class Journal {
    static final String NONE = "none";
    private final Path file;
    private final List<String> lines = new ArrayList<>();

    Journal(Path changeDir) {
        this.file = changeDir.resolve("journal");
    }

    /** The records of a dead change, as far as it wrote them. */
    static Journal read(Path changeDir) throws IOException {
        Journal j = new Journal(changeDir);
        try {
            j.lines.addAll(Files.readAllLines(j.file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            // killed before its first record: nothing to read
        }
        return j;
    }

    /** Appends records and writes the journal, atomically, before the caller takes the step they describe. */
    void append(List<String> records) {
        lines.addAll(records);
        try {
            AtomicFiles.write(file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The change is complete: nothing left to finish. */
    void end() {
        try {
            Faults.check("delete journal");
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lines.clear();
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    /** The value of the first {@code key} line, or null. */
    String value(String key) {
        for (String v : values(key)) {
            return v;
        }
        return null;
    }

    /** The values of every {@code key} line, in order. */
    List<String> values(String key) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith(key + " ")) {
                out.add(line.substring(key.length() + 1));
            }
        }
        return out;
    }

    /** For lines {@code key A B … PATH}: the path (the rest after {@code fields} fields) to the fields. */
    Map<String, List<String>> records(String key, int fields) {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        for (String v : values(key)) {
            String[] parts = v.split(" ", fields + 1);
            if (parts.length == fields + 1) {
                out.put(parts[fields], List.of(parts).subList(0, fields));
            }
        }
        return out;
    }

    /** The blob id a work-tree file has now, or {@code none}; recovery never overwrites a file changed after it was recorded. */
    static String workTreeBlob(Path file) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return NONE;
        }
        try (var in = Files.newInputStream(file)) { // streamed: the file may be larger than the heap
            return new ObjectInserter.Formatter().idFor(Constants.OBJ_BLOB, Files.size(file), in).name();
        }
    }

    /**
     * What identifies a file reg created, cheaply (it may be a large eval run): its size and
     * modification time to the millisecond (what every file system and copy tool keeps). A later edit
     * by the user changes it, and recovery then keeps the file.
     */
    static String fingerprint(Path file) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return NONE;
        }
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return a.size() + "@" + a.lastModifiedTime().toMillis();
    }
}
