package dev.reg.semver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VersionTest {

    /** SemVer 2.0.0 item 11: "Example: 1.0.0-alpha < 1.0.0-alpha.1 < 1.0.0-alpha.beta < 1.0.0-beta < ... < 1.0.0". */
    @Test
    void precedenceFollowsTheSpecsOwnChain() {
        List<String> chain = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
                "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "2.0.0", "2.1.0", "2.1.1");
        for (int i = 0; i < chain.size(); i++) {
            for (int j = 0; j < chain.size(); j++) {
                int expected = Integer.signum(Integer.compare(i, j));
                assertEquals(expected, Integer.signum(Version.parse(chain.get(i)).compareTo(Version.parse(chain.get(j)))),
                        chain.get(i) + " vs " + chain.get(j));
            }
        }
    }

    @Test
    void numericPartsHaveNoSizeLimit() {
        assertTrue(Version.parse("1.0.0-9007199254740993").compareTo(Version.parse("1.0.0-9007199254740992")) > 0);
        assertTrue(Version.parse("99999999999999999999.0.0").compareTo(Version.parse("99999999999999999998.9.9")) > 0);
        assertEquals("18446744073709551616.0.1", Version.parse("18446744073709551616.0.0").increment(ReleaseType.PATCH, null).toString());
    }

    @Test
    void buildMetadataNeverAffectsPrecedence() {
        assertEquals(0, Version.parse("1.0.0+20130313144700").compareTo(Version.parse("1.0.0")));
        assertEquals(0, Version.parse("1.0.0-beta+exp.sha.5114f85").compareTo(Version.parse("1.0.0-beta+other")));
        assertEquals("1.0.0-beta+exp.sha.5114f85", Version.parse("1.0.0-beta+exp.sha.5114f85").toString());
    }

    /** Valid strings from the semver.org regex test list (the spec's FAQ links it). */
    @ParameterizedTest
    @ValueSource(strings = {"0.0.4", "1.2.3", "10.20.30", "1.1.2-prerelease+meta", "1.1.2+meta", "1.1.2+meta-valid", "1.0.0-alpha",
        "1.0.0-beta", "1.0.0-alpha.beta", "1.0.0-alpha.beta.1", "1.0.0-alpha.1", "1.0.0-alpha0.valid", "1.0.0-alpha.0valid",
        "1.0.0-alpha-a.b-c-somethinglong+build.1-aef.1-its-okay", "1.0.0-rc.1+build.1", "2.0.0-rc.1+build.123", "1.2.3-beta",
        "10.2.3-DEV-SNAPSHOT", "1.2.3-SNAPSHOT-123", "2.0.0+build.1848", "2.0.1-alpha.1227", "1.0.0-alpha+beta",
        "1.2.3----RC-SNAPSHOT.12.9.1--.12+788", "1.2.3----R-S.12.9.1--.12+meta", "1.2.3----RC-SNAPSHOT.12.9.1--.12",
        "1.0.0+0.build.1-rc.10000aaa-kk-0.1", "99999999999999999999999.999999999999999999.99999999999999999", "1.0.0-0A.is.legal"})
    void acceptsValidVersionsAndPrintsThemBack(String text) {
        assertEquals(text, Version.parse(text).toString());
    }

    /** Invalid strings from the same list, plus the traps of lenient parsers. */
    @ParameterizedTest
    @ValueSource(strings = {"1", "1.2", "1.2.3-0123", "1.2.3-0123.0123", "1.1.2+.123", "+invalid", "-invalid", "-invalid+invalid",
        "-invalid.01", "alpha", "alpha.beta", "alpha.beta.1", "alpha.1", "alpha+beta", "alpha_beta", "alpha.", "alpha..", "beta",
        "1.0.0-alpha_beta", "-alpha.", "1.0.0-alpha..", "1.0.0-alpha..1", "1.0.0-alpha...1", "1.0.0-alpha....1",
        "1.0.0-alpha.....1", "1.0.0-alpha......1", "1.0.0-alpha.......1", "01.1.1", "1.01.1", "1.1.01", "1.2", "1.2.3.DEV",
        "1.2-SNAPSHOT", "1.2.31.2.3----RC-SNAPSHOT.12.09.1--..12+788", "1.2-RC-SNAPSHOT", "-1.0.3-gamma+b7718", "+justmeta",
        "9.8.7+meta+meta", "9.8.7-whatever+meta+meta", "v1.2.3", "1.2.3\n", "1.2.3 ", " 1.2.3", "+1.2.3", "1.2.1\u0663",
        "\u0661.2.3", "1.2.3-\u00e9", "", "1.2.3-", "1.2.3+"})
    void rejectsInvalidVersions(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Version.parse(text));
        assertTrue(e.getMessage().matches("(?s)invalid version \".*\": .+ at \\d+"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1.2.3-0123 | leading zero in pre-release identifier at 6",
        "01.2.3     | leading zero in major version at 0",
        "1.2.3\\n    | U+000A is not allowed here at 5",
        "1.2.1\u0663 | U+0663 is not allowed here at 5",
        "+1.2.3     | major version must be an ASCII number, found '+' at 0",
        "1.2        | expected '.' after minor version but the text ended at 3"})
    void errorsNameTheRuleAndPosition(String text, String expected) {
        String input = text.replace("\\n", "\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Version.parse(input));
        assertTrue(e.getMessage().endsWith(expected), e.getMessage());
    }

    @Test
    void trailingNewlineIsNotTrimmed() {
        assertThrows(IllegalArgumentException.class, () -> Version.parse("1.2.3\n"));
    }

    /**
     * Cases from npm semver's test/fixtures/increments.js, which defines what bump types mean; then
     * dotted and numeric {@code --pre} identifiers with npm's prefix rule (the identifier's parts
     * begin the bumped pre-release and a number follows: keep counting; otherwise start at
     * {@code ID.0}), expected values computed with npm semver 7.8.6: {@code semver.inc(v, type, id)}.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "1.2.3 | major | - | 2.0.0",
        "1.2.3 | minor | - | 1.3.0",
        "1.2.3 | patch | - | 1.2.4",
        "1.2.3-tag | major | - | 2.0.0",
        "1.2.0-0 | patch | - | 1.2.0",
        "1.2.3-4 | major | - | 2.0.0",
        "1.2.3-4 | minor | - | 1.3.0",
        "1.2.3-4 | patch | - | 1.2.3",
        "1.2.3-alpha.0.beta | major | - | 2.0.0",
        "1.2.3-alpha.0.beta | minor | - | 1.3.0",
        "1.2.3-alpha.0.beta | patch | - | 1.2.3",
        "1.2.4 | prerelease | - | 1.2.5-0",
        "1.2.3-0 | prerelease | - | 1.2.3-1",
        "1.2.3-alpha.0 | prerelease | - | 1.2.3-alpha.1",
        "1.2.3-alpha.1 | prerelease | - | 1.2.3-alpha.2",
        "1.2.3-alpha.0.beta | prerelease | - | 1.2.3-alpha.1.beta",
        "1.2.3-alpha.10.0.beta | prerelease | - | 1.2.3-alpha.10.1.beta",
        "1.2.3-alpha.10.beta.0 | prerelease | - | 1.2.3-alpha.10.beta.1",
        "1.2.3-alpha.9.beta | prerelease | - | 1.2.3-alpha.10.beta",
        "1.2.0 | prepatch | - | 1.2.1-0",
        "1.2.0-1 | prepatch | - | 1.2.1-0",
        "1.2.0 | preminor | - | 1.3.0-0",
        "1.2.3-1 | preminor | - | 1.3.0-0",
        "1.2.0 | premajor | - | 2.0.0-0",
        "1.2.3-1 | premajor | - | 2.0.0-0",
        "1.2.0-1 | minor | - | 1.2.0",
        "1.0.0-1 | major | - | 1.0.0",
        "1.2.4 | prerelease | dev | 1.2.5-dev.0",
        "1.2.3-0 | prerelease | dev | 1.2.3-dev.0",
        "1.2.3-alpha.0 | prerelease | dev | 1.2.3-dev.0",
        "1.2.3-alpha.0 | prerelease | alpha | 1.2.3-alpha.1",
        "1.2.3-alpha.0.beta | prerelease | dev | 1.2.3-dev.0",
        "1.2.3-alpha.0.beta | prerelease | alpha | 1.2.3-alpha.1.beta",
        "1.2.3-alpha.10.beta.2 | prerelease | alpha | 1.2.3-alpha.10.beta.3",
        "1.2.3-alpha.9.beta | prerelease | alpha | 1.2.3-alpha.10.beta",
        "1.2.0 | prepatch | dev | 1.2.1-dev.0",
        "1.2.0 | preminor | dev | 1.3.0-dev.0",
        "1.2.3-1 | premajor | dev | 2.0.0-dev.0",
        "1.2.3 | patch | dev | 1.2.4",
        "3.0.0-alpha.beta.5.4 | prerelease | alpha.beta | 3.0.0-alpha.beta.5.5",
        "1.2.3-0 | prerelease | 1 | 1.2.3-1.0",
        "1.0.0 | prepatch | alpha.1.1a | 1.0.1-alpha.1.1a.0",
        "1.0.0-alpha.1 | prerelease | alpha.1 | 1.0.0-alpha.1.0",
        "1.0.0-alpha.1.0 | prerelease | alpha.1 | 1.0.0-alpha.1.1",
        "1.0.0-1.0 | prerelease | 1 | 1.0.0-1.1",
        "1.0.0 | premajor | 1 | 2.0.0-1.0",
        "1.0.0 | preminor | 0 | 1.1.0-0.0",
        "1.2.3-alpha.beta | prerelease | alpha.beta | 1.2.3-alpha.beta.0",
        "1.2.3-alpha.2.beta | prerelease | alpha | 1.2.3-alpha.3.beta",
        "2.0.0-rc.1 | prerelease | rc.1 | 2.0.0-rc.1.0",
        "2.0.0-rc.1.3 | prerelease | rc.1 | 2.0.0-rc.1.4",
        "1.2.3 | prerelease | a.b | 1.2.4-a.b.0",
        "1.2.3-2 | prerelease | 2 | 1.2.3-2.0"})
    void incrementsAsNpmSemverDoes(String from, String type, String pre, String expected) {
        assertEquals(expected, Version.parse(from).increment(ReleaseType.parse(type), pre).toString());
    }

    @Test
    void refusesAnIncrementThatWouldGoDown() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Version.parse("1.2.3-beta.1").increment(ReleaseType.PRERELEASE, "alpha"));
        assertTrue(e.getMessage().contains("1.2.3-alpha.0, which is not greater than 1.2.3-beta.1"), e.getMessage());
        // npm gives 1.2.3-dev.0 here, which sorts below 1.2.3-dev.bar: refused rather than going down
        assertThrows(IllegalArgumentException.class, () -> Version.parse("1.2.3-dev.bar").increment(ReleaseType.PRERELEASE, "dev"));
    }

    /** Identifiers npm semver 7.8.6 refuses too ({@code semver.inc} returns null), named as what they are. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'' | invalid pre-release identifier \"\": empty identifier (found the end of the text) at 0",
        "01 | invalid pre-release identifier \"01\": leading zero in numeric identifier at 0",
        "1.01 | invalid pre-release identifier \"1.01\": leading zero in numeric identifier at 2",
        "a..b | invalid pre-release identifier \"a..b\": empty identifier (found '.') at 2",
        ".a | invalid pre-release identifier \".a\": empty identifier (found '.') at 0",
        "a. | invalid pre-release identifier \"a.\": empty identifier (found the end of the text) at 2",
        "al_pha | invalid pre-release identifier \"al_pha\": '_' is not allowed at 2",
        "'rc ' | invalid pre-release identifier \"rc \": U+0020 is not allowed at 2"})
    void refusesIllegalPrereleaseIds(String pre, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Version.parse("1.2.3").increment(ReleaseType.PREMINOR, pre));
        assertEquals(message, e.getMessage());
    }

    @Test
    void everyIncrementGoesStrictlyUp() {
        qt().forAll(lists().of(integers().between(0, 30)).ofSizeBetween(3, 6)).checkAssert(parts -> {
            Version v = Version.of(parts.get(0), parts.get(1), parts.get(2));
            if (parts.size() > 3) {
                v = v.increment(ReleaseType.PRERELEASE, parts.get(3) % 2 == 0 ? "rc" : null);
            }
            for (ReleaseType t : ReleaseType.values()) {
                assertTrue(v.increment(t, null).compareTo(v) > 0, t + " of " + v);
            }
        });
    }

    @Test
    void sortingIsATotalOrderConsistentWithParsing() {
        qt().forAll(lists().of(integers().between(0, 3)).ofSizeBetween(4, 4), lists().of(integers().between(0, 3)).ofSizeBetween(4, 4))
                .checkAssert((a, b) -> {
                    Version va = fromDigits(a);
                    Version vb = fromDigits(b);
                    assertEquals(Integer.signum(va.compareTo(vb)), -Integer.signum(vb.compareTo(va)));
                    assertEquals(va.compareTo(vb) == 0, va.toString().equals(vb.toString()));
                    assertEquals(va.toString(), Version.parse(va.toString()).toString());
                });
        List<Version> vs = new ArrayList<>();
        for (String s : List.of("1.0.0", "1.0.0-rc.1", "0.9.9", "1.0.0-alpha", "1.0.0-alpha.1")) {
            vs.add(Version.parse(s));
        }
        Collections.sort(vs);
        assertEquals("[0.9.9, 1.0.0-alpha, 1.0.0-alpha.1, 1.0.0-rc.1, 1.0.0]", vs.toString());
    }

    private static Version fromDigits(List<Integer> d) {
        String pre = d.get(3) == 0 ? "" : d.get(3) == 1 ? "-alpha" : d.get(3) == 2 ? "-alpha.1" : "-1";
        return Version.parse(d.get(0) + "." + d.get(1) + "." + d.get(2) + pre);
    }
}
