package dev.reg.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    private static final List<String> COMMANDS = List.of("init", "add", "bump", "show", "log", "diff", "recover", "validate", "verify",
            "hooks", "eval", "gate", "composite", "release", "rollback", "mark", "freeze", "unfreeze", "history", "live", "adr", "memo",
            "demo", "completion", "help");

    /**
     * Worked examples: Wikipedia, "Damerau–Levenshtein distance", section "Optimal string alignment
     * distance" (CA to ABC is 3 under OSA, where unrestricted Damerau–Levenshtein gives 2, because OSA
     * edits no substring twice), and the textbook Levenshtein pair kitten/sitting (3, no transposition in it).
     */
    @Test
    void distanceIsTheOptimalStringAlignmentDistance() {
        assertEquals(3, Suggestions.distance("CA", "ABC"));
        assertEquals(3, Suggestions.distance("kitten", "sitting"));
        assertEquals(1, Suggestions.distance("ab", "ba"));
        assertEquals(1, Suggestions.distance("bupm", "bump"));
        assertEquals(1, Suggestions.distance("fromat", "format"));
        assertEquals(2, Suggestions.distance("flaw", "lawn"));
        assertEquals(3, Suggestions.distance("", "abc"));
        assertEquals(0, Suggestions.distance("reg", "reg"));
    }

    @Test
    void typosOfOneEditOrTwoInLongNamesAreSuggested() {
        assertEquals(List.of("bump"), Suggestions.closest("bupm", COMMANDS));
        assertEquals(List.of("rollback"), Suggestions.closest("rolback", COMMANDS));
        assertEquals(List.of("support_copilot"), Suggestions.closest("suport_copliot", List.of("support_copilot", "triage")));
        assertEquals(List.of("bump"), Suggestions.closest("BUMP", COMMANDS), "case is ignored");
        assertEquals(List.of(), Suggestions.closest("supprt_cpilt", List.of("support_copilot")), "three edits is too many");
    }

    @Test
    void aPrefixOfTwoOrMoreCharactersSuggestsTheNamesItStarts() {
        assertEquals(List.of("history"), Suggestions.closest("hist", COMMANDS));
        assertEquals(List.of("recover", "release"), Suggestions.closest("re", COMMANDS));
        assertEquals(List.of(), Suggestions.closest("r", COMMANDS));
    }

    @Test
    void nothingFarOffAndNeverTheNameItself() {
        assertEquals(List.of(), Suggestions.closest("xyzzy", COMMANDS));
        assertEquals(List.of(), Suggestions.closest("x", List.of("C", "m")), "one edit from a one-letter name is not a typo of it");
        assertEquals(List.of(), Suggestions.closest("bump", List.of("bump")));
    }

    @Test
    void theClosestComeFirstThenByNameAndAtMostThree() {
        assertEquals(List.of("abce", "abcf", "abcdef"), Suggestions.closest("abcd", List.of("abcdef", "abcf", "abce", "abcd")),
                "one edit before a longer name it starts");
        assertEquals(List.of("lee", "live", "love"), Suggestions.closest("lve", List.of("love", "lv", "live", "lee", "log")));
    }

    @Test
    void thePhrase() {
        assertEquals("", Suggestions.didYouMean(List.of()));
        assertEquals("did you mean 'reg bump'?", Suggestions.didYouMean(List.of("reg bump")));
        assertEquals("did you mean 'a' or 'b'?", Suggestions.didYouMean(List.of("a", "b")));
        assertEquals("did you mean 'a', 'b' or 'c'?", Suggestions.didYouMean(List.of("a", "b", "c")));
        assertEquals("; did you mean 'prompt'?", Suggestions.hint("promt", List.of("prompt", "model", "dataset")));
        assertEquals("", Suggestions.hint("agent", List.of("prompt", "model", "dataset")));
    }
}
