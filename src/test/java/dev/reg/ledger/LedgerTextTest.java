package dev.reg.ledger;

import dev.reg.composite.ComponentVersion;
import dev.reg.release.ReleaseScenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.BadInputException;
import dev.reg.registry.ArtifactVersion;
import dev.reg.registry.Sha256;
import dev.reg.yaml.YamlDocument;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The line reader of reg's own ledger rendering reads exactly what the YAML reader reads, or declines. */
class LedgerTextTest {
    private static final String[] WORDS = {"incident 42", "a: b", "x #y", "'quoted'", "\"dq\"", "true", "null", "~", "1.0", "12",
        "2026-11-20", "2026-11-20T10:00:00Z", "- dash", "? q", "@at", "`tick`", "Reg Test <reg-test@example.com>", "café", "emoji 🚀",
        "tab\there", "line\nbreak", " lead", "trail ", "yes", "Off", "0x1F", "1:20", ".inf", "", "plain words", "a,b", "{x}", "[y]",
        "%p", "&a", "*b", "!c", "|d", ">e", "#f", "run-2026-11-20.1", "sha256:abc"};

    @TempDir
    Path dir;

    @Test
    void readsEveryRenderedLedgerExactlyAsTheYamlReaderDoes() {
        Random rnd = new Random(20261120L);
        int fast = 0;
        int fastWithMarks = 0;
        for (int i = 0; i < 2000; i++) {
            Ledger l = randomLedger(rnd);
            byte[] bytes = l.render().getBytes(StandardCharsets.UTF_8);
            Ledger full = Ledger.read(YamlDocument.parse(bytes, "ledger"), "support_copilot");
            assertEquals(l, full, "the YAML reader reads back what was rendered");
            Optional<Ledger> quick = LedgerText.read(bytes, "support_copilot");
            if (quick.isPresent()) {
                fast++;
                assertEquals(full, quick.get(), l.render());
                if (!l.freezes().isEmpty() && l.entries().stream().anyMatch(LedgerEntry::isBad)) {
                    fastWithMarks++;
                }
            }
            assertEquals(full, Ledger.parse(bytes, "support_copilot"));
        }
        assertTrue(fast > 200, "the line reader declined almost everything: " + fast + " of 2000");
        assertTrue(fastWithMarks > 20, "the line reader declined almost every ledger with bad marks and freezes: " + fastWithMarks);
    }

    @Test
    void readsTheLedgersRegWritesWithoutFallingBack() {
        ReleaseScenario s = ReleaseScenario.incident(dir);
        s.reg.regOk("freeze", "support_copilot", "--reason", "incident 42: refunds");
        s.reg.regOk("rollback", "support_copilot", "--reason", "it's bad: see #42");
        byte[] bytes = s.ledger().getBytes(StandardCharsets.UTF_8);
        Optional<Ledger> quick = LedgerText.read(bytes, "support_copilot");
        assertTrue(quick.isPresent(), s.ledger());
        assertEquals(Ledger.read(YamlDocument.parse(bytes, "ledger"), "support_copilot"), quick.get());
    }

    @Test
    void handEditsAreLeftToTheYamlReaderWhichReportsErrorsWithTheLine() {
        Ledger l = randomLedger(new Random(7));
        String text = l.render();
        List<String> edits = List.of(
                text.replaceFirst("(?m)^(    status: \\S+)$", "$1 # reviewed"),
                text.replaceFirst("(?m)^    actor: .*$", "    actor: null"),
                text.replaceFirst("(?m)^    actor: .*$", "    actor: \"Jane Doe\""),
                text.replace("\n", "\r\n"),
                text + "# trailing comment\n",
                text.replaceFirst("(?m)^workflow: support_copilot$", "workflow:   support_copilot"));
        for (String edit : edits) {
            byte[] bytes = edit.getBytes(StandardCharsets.UTF_8);
            Optional<Ledger> quick = LedgerText.read(bytes, "support_copilot");
            Ledger full = Ledger.read(YamlDocument.parse(bytes, "ledger"), "support_copilot");
            quick.ifPresent(q -> assertEquals(full, q, edit));
            assertEquals(full, Ledger.parse(bytes, "support_copilot"));
        }
        String unknown = text.replaceFirst("(?m)^(    status: \\S+)$", "$1\n    colour: blue");
        BadInputException e = assertThrows(BadInputException.class,
                () -> Ledger.parse(unknown.getBytes(StandardCharsets.UTF_8), "support_copilot"));
        assertTrue(e.getMessage().contains("colour") && e.getMessage().matches("(?s)registry/releases/support_copilot\\.yaml:\\d+: .*"),
                e.getMessage());
        String badStatus = text.replaceFirst("(?m)^    status: \\S+$", "    status: shipped-ish");
        assertThrows(BadInputException.class, () -> Ledger.parse(badStatus.getBytes(StandardCharsets.UTF_8), "support_copilot"));
    }

    private static Ledger randomLedger(Random rnd) {
        List<LedgerEntry> entries = new ArrayList<>();
        int n = 0;
        for (int i = 0, count = rnd.nextInt(6); i < count; i++) {
            n += 1 + rnd.nextInt(3);
            List<LedgerEvent> events = new ArrayList<>();
            for (int j = 0, k = rnd.nextInt(3); j < k; j++) {
                events.add(new LedgerEvent(status(rnd), word(rnd, false), word(rnd, false), word(rnd, true)));
            }
            List<ComponentVersion> components = List.of(
                    new ComponentVersion(ArtifactVersion.parse("model/cust-copilot@1." + rnd.nextInt(20) + ".0"), digest(rnd)),
                    new ComponentVersion(ArtifactVersion.parse("prompt/billing_refund@2.0.0-rc." + rnd.nextInt(3)), digest(rnd)));
            boolean rollback = rnd.nextInt(4) == 0;
            // a bad mark of its own, or none (then the entry derives one from a bad event or status, if any)
            BadMark bad = rnd.nextInt(3) == 0 ? new BadMark(word(rnd, false), word(rnd, false), word(rnd, true)) : null;
            entries.add(new LedgerEntry(n, status(rnd), word(rnd, false), digest(rnd), components, word(rnd, false), word(rnd, false),
                    word(rnd, true), word(rnd, true), word(rnd, true), word(rnd, true), rollback ? 1 + rnd.nextInt(9) : null,
                    rollback ? 1 + rnd.nextInt(9) : null, rnd.nextBoolean(), events, bad));
        }
        List<FreezeEvent> freezes = new ArrayList<>();
        for (int j = 0, k = rnd.nextInt(4); j < k; j++) {
            freezes.add(new FreezeEvent(rnd.nextBoolean() ? FreezeEvent.FREEZE : FreezeEvent.UNFREEZE, word(rnd, false), word(rnd, false),
                    word(rnd, true)));
        }
        Optional<Freeze> frozen = rnd.nextInt(3) == 0
                ? Optional.of(new Freeze(word(rnd, false), word(rnd, false), word(rnd, false))) : Optional.empty();
        return new Ledger("support_copilot", frozen, entries, freezes);
    }

    private static ReleaseStatus status(Random rnd) {
        return ReleaseStatus.values()[rnd.nextInt(ReleaseStatus.values().length)];
    }

    private static Sha256 digest(Random rnd) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            sb.append("0123456789abcdef".charAt(rnd.nextInt(16)));
        }
        return new Sha256(sb.toString());
    }

    /** A value from the nasty list, two of them joined, or (when allowed) absent. */
    private static String word(Random rnd, boolean nullable) {
        if (nullable && rnd.nextInt(4) == 0) {
            return null;
        }
        String w = WORDS[rnd.nextInt(WORDS.length)];
        return rnd.nextBoolean() ? w : w + " " + WORDS[rnd.nextInt(WORDS.length)];
    }
}
