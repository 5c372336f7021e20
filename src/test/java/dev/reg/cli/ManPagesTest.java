package dev.reg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ManPagesTest {
    @Test
    void textIsEscapedForRoff() {
        assertEquals("\\-\\-message", ManPages.text("--message"));
        assertEquals("C:\\eregistry", ManPages.text("C:\\registry"));
        assertEquals("a \\[u2014] b \\[u2026]", ManPages.text("a — b …"));
    }

    @Test
    void noLineOfAPageCanBeReadAsARequestByAccident() {
        Map<String, String> pages = ManPages.pages(ManPages.model(), "1.2.3");
        for (Map.Entry<String, String> p : pages.entrySet()) {
            for (String line : p.getValue().lines().toList()) {
                assertTrue(!line.isEmpty() && (!line.startsWith("'")), p.getKey() + ": '" + line + "'");
                if (line.startsWith(".")) {
                    assertTrue(line.matches("\\.(\\\\\" .*|TH .*|SH [A-Z ]+|TP|PP|nh|hy|ad l|ad)"), p.getKey() + ": " + line);
                }
            }
        }
        assertTrue(pages.get("reg.1").startsWith(".\\\" reg.1, written from reg's picocli model"));
        assertTrue(pages.get("reg.1").contains(".TH \"REG\" \"1\" \"\" \"reg 1.2.3\" \"reg manual\"\n"));
    }
}
