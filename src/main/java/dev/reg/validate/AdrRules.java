package dev.reg.validate;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import dev.reg.registry.RegistryView;
import dev.reg.doc.Adr;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ADRs and decision memos ({@code adr/NNNN-slug.md}): the shape adr-tools, log4brains and adr-log
 * read — '# N. Title' on line 1, a '## Status' section that is not the last, context and decision
 * sections — one number per file, and links to other ADRs that resolve.
 */
final class AdrRules {
    static final Pattern FILE_NAME = Pattern.compile("(\\d{4})-[^/]+\\.md");
    private static final Pattern TITLE = Pattern.compile("# (\\d+)\\. \\S.*");
    private static final long MAX_BYTES = 1 << 20;
    private static final Parser MARKDOWN = Parser.builder().build();

    private final Context ctx;
    private final String dir;

    AdrRules(Context ctx, String dir) {
        this.ctx = ctx;
        this.dir = dir;
    }

    /** The ADR folder: what {@code .adr-dir} names (adr-tools' convention), else {@code adr}. */
    static String adrDir(RegistryView snapshot) {
        if (snapshot.kind(".adr-dir") == RegistryView.EntryKind.FILE) {
            try {
                String d = new String(snapshot.readSmall(".adr-dir", 4096), StandardCharsets.UTF_8).trim();
                if (!d.isEmpty() && !d.startsWith("/") && !d.contains("..")) {
                    return d.endsWith("/") ? d.substring(0, d.length() - 1) : d;
                }
            } catch (dev.reg.BadInputException e) {
                // unreadable: adr-tools would fail too; fall back to the default
            }
        }
        return "adr";
    }

    /** ADR files in the folder by number, for the duplicate check. */
    Map<Integer, List<String>> byNumber() {
        Map<Integer, List<String>> out = new TreeMap<>();
        for (var e : ctx.snapshot.children(dir).entrySet()) {
            Matcher m = FILE_NAME.matcher(e.getKey());
            if (m.matches()) {
                out.computeIfAbsent(Integer.parseInt(m.group(1)), k -> new ArrayList<>()).add(dir + "/" + e.getKey());
            }
        }
        return out;
    }

    void check(String file, Map<Integer, List<String>> numbers) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        Matcher fm = FILE_NAME.matcher(name);
        if (!fm.matches()) {
            return;
        }
        int number = Integer.parseInt(fm.group(1));
        RegistryView.EntryKind kind = ctx.snapshot.kind(file);
        if (kind == RegistryView.EntryKind.MISSING) {
            return; // removed by the change
        }
        List<String> same = numbers.getOrDefault(number, List.of());
        if (same.size() > 1) {
            List<String> others = new ArrayList<>(same);
            others.remove(file);
            ctx.add(Rule.ADR_NUMBER_DUPLICATE, file, 1, 1, "number " + fm.group(1) + " is also used by " + String.join(", ", others)
                    + "; ADRs and memos share one sequence, so renumber one of them");
        }
        if (kind != RegistryView.EntryKind.FILE) {
            ctx.add(Rule.NOT_A_REGULAR_FILE, file, 0, 0, file + " is " + (kind == RegistryView.EntryKind.SYMLINK ? "a symbolic link" : "not a regular file")
                    + "; ADRs must be regular files in the repository");
            return;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(ctx.snapshot.readSmall(file, MAX_BYTES))).toString();
        } catch (CharacterCodingException e) {
            ctx.add(Rule.ADR_TITLE, file, 0, 0, "not valid UTF-8; ADRs are UTF-8 Markdown");
            return;
        } catch (dev.reg.BadInputException e) {
            ctx.add(Rule.ADR_TITLE, file, 0, 0, e.detail());
            return;
        }
        String[] lines = text.split("\r?\n", -1);
        checkTitle(file, number, lines[0]);
        Node doc = MARKDOWN.parse(text);
        List<Heading> sections = new ArrayList<>();
        for (Node n : doc.getDescendants()) {
            if (n instanceof Heading && ((Heading) n).getLevel() == 2) {
                sections.add((Heading) n);
            } else if (n instanceof Link) {
                checkLink(file, (Link) n);
            }
        }
        checkStatus(file, lines, sections);
        checkStatusesAgree(file, Adr.parse(number, name, text));
        checkSection(file, sections, "context", "a context section ('## Context and Problem Statement' or '## Context')");
        checkSection(file, sections, "decision", "a decision section ('## Decision Outcome' or '## Decision')");
    }

    private void checkTitle(String file, int number, String first) {
        if (first.equals("---")) {
            ctx.add(Rule.ADR_TITLE, file, 1, 1, "starts with YAML front matter; adr-tools and log4brains expect '# " + number
                    + ". Title' on line 1 and the metadata as a '- Status: …' list below it");
            return;
        }
        Matcher t = TITLE.matcher(first);
        if (!t.matches()) {
            ctx.add(Rule.ADR_TITLE, file, 1, 1, "line 1 is not '# N. Title'; write '# " + number + ". <title>'");
        } else if (Integer.parseInt(t.group(1)) != number) {
            ctx.add(Rule.ADR_TITLE, file, 1, 3, "the title says " + t.group(1) + " but the file is number " + number
                    + "; make them agree ('# " + number + ". …')");
        }
    }

    private void checkStatus(String file, String[] lines, List<Heading> sections) {
        int index = -1;
        for (int i = 0; i < sections.size(); i++) {
            if (sections.get(i).getText().toString().trim().equalsIgnoreCase("status")) {
                index = i;
                break;
            }
        }
        if (index < 0) {
            ctx.add(Rule.ADR_STATUS, file, 1, 1, "no '## Status' section; adr-tools reads the status from it: add '## Status'"
                    + " followed by the status word (e.g. Accepted)");
            return;
        }
        Heading h = sections.get(index);
        int line = h.getStartLineNumber() + 1;
        if (index == sections.size() - 1) {
            ctx.add(Rule.ADR_STATUS, file, line, 1, "'## Status' is the last section; adr-tools expects sections after it (put"
                    + " it right after the header list)");
        }
        int end = index + 1 < sections.size() ? sections.get(index + 1).getStartLineNumber() : lines.length;
        for (int i = line; i < end && i < lines.length; i++) {
            String l = lines[i].trim();
            if (l.isEmpty()) {
                continue;
            }
            if (!Character.isUpperCase(l.codePointAt(0))) {
                ctx.add(Rule.ADR_STATUS, file, i + 1, 1, "status '" + l + "' should start with a capital letter, e.g. '"
                        + l.substring(0, 1).toUpperCase(Locale.ROOT) + l.substring(1) + "'; adr-tools matches it as written");
            }
            return;
        }
        ctx.add(Rule.ADR_STATUS, file, line, 1, "the '## Status' section is empty; write the status word (e.g. Accepted) on its own line");
    }

    /** The header list (log4brains) and {@code ## Status} (adr-tools) must say one status; adr-tools edits only the section. */
    private void checkStatusesAgree(String file, Adr adr) {
        adr.statusDisagreement().ifPresent(d -> ctx.add(Rule.ADR_STATUS, file, adr.headerStatusLine() + 1, 1, d
                + (adr.status().equals("superseded") && adr.supersededBy().isPresent()
                        ? "; adr-tools marks a superseded ADR only in '## Status' (adr new -s): write '- Status: superseded by ["
                                + slug(adr.supersededBy().get()) + "](" + adr.supersededBy().get() + ")' so log4brains reads it too"
                        : "; log4brains reads the header list and adr-tools the section: make them say the same")));
    }

    private static String slug(String adrFile) {
        return adrFile.endsWith(".md") ? adrFile.substring(0, adrFile.length() - 3) : adrFile;
    }

    private void checkSection(String file, List<Heading> sections, String prefix, String what) {
        for (Heading h : sections) {
            if (h.getText().toString().trim().toLowerCase(Locale.ROOT).startsWith(prefix)) {
                return;
            }
        }
        ctx.add(Rule.ADR_SECTION_MISSING, file, 1, 1, "no " + what);
    }

    private void checkLink(String file, Link link) {
        String url = link.getUrl().toString();
        int hash = url.indexOf('#');
        String target = hash >= 0 ? url.substring(0, hash) : url;
        if (target.isEmpty() || target.contains(":") || !target.endsWith(".md") || target.startsWith("/")) {
            return; // an anchor, a URL or another kind of document
        }
        String folder = file.substring(0, file.lastIndexOf('/'));
        String resolved = java.nio.file.Path.of(folder).resolve(target).normalize().toString().replace('\\', '/');
        if (resolved.startsWith("..") || ctx.snapshot.kind(resolved) == RegistryView.EntryKind.MISSING) {
            ctx.add(Rule.LINK_UNRESOLVED, file, link.getStartLineNumber() + 1, 1, "link to " + target + ", which does not exist");
        }
    }
}
