package dev.reg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.testing.RegCli;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mistyped command or option: picocli's error, then one line naming what was probably meant; exit 2. */
class UsageSuggestionsTest {
    @TempDir
    Path dir;

    /** The two lines reg prints for a usage error: picocli's message (which must name {@code typed}) and the line after it. */
    private String secondLine(String typed, String... args) {
        RegCli.Result r = RegCli.run(dir, args);
        assertEquals(2, r.exit(), r.all());
        assertEquals("", r.out());
        List<String> lines = r.err().lines().toList();
        assertEquals(2, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("reg: Un") && lines.get(0).contains("'" + typed + "'"), r.err());
        return lines.get(1);
    }

    @Test
    void aMistypedCommand() {
        assertEquals("did you mean 'reg bump'?", secondLine("bupm", "bupm", "prompt", "x", "minor"));
        assertEquals("did you mean 'reg rollback'?", secondLine("rolback", "rolback", "support_copilot"));
        assertEquals("did you mean 'reg history'?", secondLine("hist", "hist"));
        assertEquals("did you mean 'reg recover', 'reg release' or 'reg report'?", secondLine("re", "re"));
    }

    @Test
    void aMistypedSubcommandIsNamedWithItsCommand() {
        // swapped letters: picocli's own bigram suggestions offer nothing for 'nwe'
        assertEquals("did you mean 'reg adr new'?", secondLine("nwe", "adr", "nwe", "a title"));
        assertEquals("did you mean 'reg eval import'?", secondLine("imprt", "eval", "imprt"));
    }

    @Test
    void aMistypedOption() {
        assertEquals("did you mean '--message'?", secondLine("--mesage", "bump", "prompt", "billing_refund", "minor", "--mesage", "fix"));
        assertEquals("did you mean '--format'?", secondLine("--fromat", "validate", "--fromat", "json"));
        assertEquals("did you mean '--json'?", secondLine("--jsn=true", "verify", "--jsn=true"));
        assertEquals("did you mean '--version'?", secondLine("--verison", "--verison"));
    }

    @Test
    void nothingCloseKeepsThePointerToHelp() {
        assertEquals("(see 'reg --help')", secondLine("xyzzy", "xyzzy"));
        assertEquals("(see 'reg verify --help')", secondLine("-x", "verify", "-x"), "-x is not one edit from -C");
        assertEquals("(see 'reg adr list --help')", secondLine("extra", "adr", "list", "extra"));
    }
}
