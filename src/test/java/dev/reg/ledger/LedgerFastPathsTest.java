package dev.reg.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/** The ledger's fast paths answer exactly what the slow ones they skip would (a long history reads thousands of values). */
class LedgerFastPathsTest {
    @Test
    void aPlainScalarStartingWithNoImplicitTypesCharacterIsAStringToSnakeYaml() {
        Resolver resolver = new Resolver();
        for (char c = 0x21; c < 0x7f; c++) {
            if (LedgerText.PLAIN_STRING_START.indexOf(c) >= 0) {
                continue;
            }
            for (String tail : List.of("", "abc", "1", "1.5", "rue", "ull", "es", "2026-01-01", ":x", "~")) {
                assertEquals(Tag.STR, resolver.resolve(NodeId.scalar, c + tail, true), c + tail);
            }
        }
    }

    @Test
    void timesInRegsOwnFormReadAsTheFormatterReadsThem() {
        for (String t : List.of("2026-01-31T12:00:00Z", "1999-12-31T23:59:59Z", "2024-02-29T00:00:00Z", "0001-01-01T00:00:00Z")) {
            assertEquals(Optional.of(OffsetDateTime.parse(t).toInstant()), Releases.parseTime(t), t);
        }
        for (String t : List.of("2026-02-30T00:00:00Z", "2025-02-29T00:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01T23:60:00Z",
                "2026-01-01T23:59:60Z", "2026-13-01T00:00:00Z", "2026-00-01T00:00:00Z", "2026-01-01T0a:00:00Z", "2026-01-01 00:00:00Z")) {
            assertEquals(Optional.empty(), Releases.parseTime(t), t);
        }
        // other forms still go to the formatter
        assertEquals(Optional.of(OffsetDateTime.parse("2026-01-31T12:00:00+02:00").toInstant()), Releases.parseTime("2026-01-31T12:00:00+02:00"));
        assertEquals(Optional.of(OffsetDateTime.parse("2026-01-31T12:00:00.5Z").toInstant()), Releases.parseTime("2026-01-31T12:00:00.5Z"));
        assertEquals(Optional.empty(), Releases.parseTime(null));
    }
}
