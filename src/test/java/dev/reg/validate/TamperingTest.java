package dev.reg.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reg.registry.Registry;
import dev.reg.composite.CompositeService;
import dev.reg.ledger.Ledger;
import dev.reg.ledger.LedgerEntry;
import dev.reg.ledger.ReleaseStatus;
import dev.reg.testing.RegCli;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tampering with what reg recorded — content edited without a bump, tags re-created on other
 * content or deleted, release tags out of step with the ledger — is caught by validate or verify.
 */
class TamperingTest {
    static final String TAG = "prompt/billing_refund@1.0.0";

    @TempDir
    Path dir;

    record Problem(String code, String subject, String message) {
    }

    private static List<Problem> verify(Fixture x, int expectedExit) {
        RegCli.Result r = x.reg.reg("verify", "--json");
        assertEquals(expectedExit, r.exit(), r.err() + r.out());
        try {
            JsonNode json = new ObjectMapper().readTree(r.out());
            assertEquals(expectedExit == 0, json.get("ok").asBoolean());
            List<Problem> out = new ArrayList<>();
            json.get("problems").forEach(p -> out.add(new Problem(p.get("code").asText(), p.get("subject").asText(),
                    p.get("message").asText())));
            return out;
        } catch (Exception e) {
            throw new AssertionError(r.out(), e);
        }
    }

    private static Problem expect(List<Problem> problems, String code, String subject) {
        return problems.stream().filter(p -> p.code().equals(code) && p.subject().equals(subject)).findFirst()
                .orElseThrow(() -> new AssertionError("expected " + code + " on " + subject + ", found " + problems));
    }

    @Test
    void untouchedRegistryVerifies() {
        Fixture x = Fixture.supportCopilot(dir);
        assertEquals(List.of(), verify(x, 0));
        RegCli.Result text = x.reg.regOk("verify");
        assertTrue(text.out().startsWith("verified: 3 version tags, 0 release tags, 0 ledger entries"), text.out());
    }

    @Test
    void editWithoutBumpIsCaughtByValidate() {
        Fixture x = Fixture.supportCopilot(dir);
        x.git("checkout", "-q", "-b", "pr");
        x.reg.append(Fixture.TEMPLATE, "tampered\n");
        x.commit("edit without bump");
        x.validate().expect("REG012", Fixture.PROMPT, 3);
        x.validate("--base", "main").expect("REG012", Fixture.PROMPT, 3);
    }

    @Test
    void tagRecreatedOnOtherContentWithCGitIsCaughtByVerify() {
        Fixture x = Fixture.supportCopilot(dir);
        String message = x.git("tag", "-l", "--format=%(contents)", TAG).strip();
        x.reg.append(Fixture.TEMPLATE, "tampered\n");
        x.commit("other content, same version");
        x.git("tag", "-f", "-a", TAG, "-m", message, "HEAD");
        Problem p = expect(verify(x, 1), "tag-content-mismatch", TAG);
        assertTrue(p.message().contains("moved or re-created"), p.message());
    }

    @Test
    void tagMovedToAnotherVersionsCommitIsCaughtByVerify() {
        Fixture x = Fixture.supportCopilot(dir);
        String message = x.git("tag", "-l", "--format=%(contents)", TAG).strip();
        x.reg.append(Fixture.TEMPLATE, "v2\n");
        x.reg.regOk("bump", "prompt", "billing_refund", "minor", "-m", "v2");
        x.git("tag", "-f", "-a", TAG, "-m", message, "prompt/billing_refund@1.1.0^{commit}");
        List<Problem> problems = verify(x, 1);
        expect(problems, "tag-manifest-mismatch", TAG);
        expect(problems, "tag-content-mismatch", TAG);
    }

    @Test
    void lightweightTagInPlaceOfTheAnnotatedOneIsCaughtByVerify() {
        Fixture x = Fixture.supportCopilot(dir);
        x.git("tag", "-f", TAG, TAG + "^{commit}");
        expect(verify(x, 1), "tag-not-annotated", TAG);
    }

    @Test
    void deletedTagIsCaughtByVerify() {
        Fixture x = Fixture.supportCopilot(dir);
        x.git("tag", "-d", TAG);
        Problem p = expect(verify(x, 1), "tag-missing", TAG);
        assertTrue(p.message().contains("deleted"), p.message());
    }

    @Test
    void deletedTagNamedByALinkIsCaughtByValidate() {
        Fixture x = Fixture.supportCopilot(dir);
        x.reg.append(Fixture.PROMPT, "links:\n  datasets: [dataset/golden@1.0.0]\n");
        x.validate().expectNone("REG018");
        x.git("tag", "-d", "dataset/golden@1.0.0");
        x.validate().expect("REG018", Fixture.PROMPT, x.lineOf(Fixture.PROMPT, "datasets:"));
    }

    // ---------------------------------------------------------------- releases

    /** A ledger with release 1 shipped (tagged) and release 2 held (untagged), committed, and release 1's tag. */
    private Fixture released() {
        Fixture x = Fixture.supportCopilot(dir);
        try (Registry registry = Registry.open(x.root())) {
            var c = CompositeService.of(registry.head(), "support_copilot").composite();
            LedgerEntry shipped = new LedgerEntry(1, ReleaseStatus.SHIPPED, c.longForm(), c.digest(), c.components(),
                    "2026-11-20T10:00:00Z", "Reg Test", "run-1", "pass", null, null, null, null, true, List.of());
            LedgerEntry held = new LedgerEntry(2, ReleaseStatus.HELD, c.longForm(), c.digest(), c.components(),
                    "2026-11-20T11:00:00Z", "Reg Test", "run-2", "hold", null, null, null, null, false, List.of());
            x.write(Ledger.path("support_copilot"), new Ledger("support_copilot", Optional.empty(), List.of(shipped, held)).render());
            x.commit("release support_copilot 1");
            x.git("tag", "-a", "release/support_copilot/1", "-m", releaseMessage(1, c.digest().toString(), "ship", "run-1"));
        }
        return x;
    }

    static String releaseMessage(int n, String digest, String decision, String run) {
        return "Release support_copilot " + n + "\n\nReg-Workflow: support_copilot\nReg-Release: " + n + "\nReg-Composite-Digest: "
                + digest + "\nReg-Decision: " + decision + "\nReg-Run: " + run + "\n";
    }

    private static String digest(Fixture x) {
        return x.reg.read(Ledger.path("support_copilot")).lines().filter(l -> l.startsWith("    digest: ")).findFirst().orElseThrow()
                .substring("    digest: ".length());
    }

    @Test
    void releaseTagsThatAgreeWithTheLedgerVerify() {
        Fixture x = released();
        assertEquals(List.of(), verify(x, 0));
        assertTrue(x.reg.regOk("verify").out().contains("1 release tag, 2 ledger entries"));
    }

    @Test
    void deletedReleaseTagIsCaught() {
        Fixture x = released();
        x.git("tag", "-d", "release/support_copilot/1");
        expect(verify(x, 1), "release-entry-without-tag", "release/support_copilot/1");
    }

    @Test
    void releaseTagWithoutLedgerEntryIsCaught() {
        Fixture x = released();
        x.git("tag", "-a", "release/support_copilot/3", "-m", releaseMessage(3, digest(x), "ship", "run-3"));
        expect(verify(x, 1), "release-tag-without-entry", "release/support_copilot/3");
    }

    @Test
    void tagForAHeldReleaseIsCaught() {
        Fixture x = released();
        x.git("tag", "-a", "release/support_copilot/2", "-m", releaseMessage(2, digest(x), "ship", "run-2"));
        expect(verify(x, 1), "release-tag-without-entry", "release/support_copilot/2");
    }

    @Test
    void releaseTagRecreatedOnOtherContentIsCaught() {
        Fixture x = released();
        String message = releaseMessage(1, digest(x), "ship", "run-1");
        x.reg.append(Fixture.TEMPLATE, "v2\n");
        x.reg.regOk("bump", "prompt", "billing_refund", "minor", "-m", "v2");
        x.git("tag", "-f", "-a", "release/support_copilot/1", "-m", message, "HEAD");
        Problem p = expect(verify(x, 1), "release-tag-content-mismatch", "release/support_copilot/1");
        assertTrue(p.message().contains("moved or re-created"), p.message());
    }

    @Test
    void releaseTagTrailersThatDisagreeWithTheLedgerAreCaught() {
        Fixture x = released();
        x.git("tag", "-f", "-a", "release/support_copilot/1", "-m", releaseMessage(1, "sha256:" + "2".repeat(64), "rollback", "run-9"));
        List<Problem> problems = verify(x, 1);
        long mismatches = problems.stream().filter(p -> p.code().equals("release-tag-trailer-mismatch")).count();
        assertEquals(3, mismatches, problems.toString()); // digest, decision, run
    }

    @Test
    void shippedComponentWhoseTagWasDeletedIsCaught() {
        Fixture x = released();
        x.reg.append(Fixture.TEMPLATE, "v2\n");
        x.reg.regOk("bump", "prompt", "billing_refund", "minor", "-m", "v2");
        x.git("tag", "-d", TAG);
        List<Problem> problems = verify(x, 1);
        Problem p = problems.stream().filter(q -> q.code().equals("tag-missing") && q.message().contains("release/support_copilot/1"))
                .findFirst().orElseThrow(() -> new AssertionError(problems.toString()));
        assertEquals(TAG, p.subject());
    }

    @Test
    void verifyTextListsProblems() {
        Fixture x = released();
        x.git("tag", "-d", "release/support_copilot/1");
        RegCli.Result r = x.reg.reg("verify");
        assertEquals(1, r.exit());
        assertTrue(r.out().startsWith("1 problem (checked 3 version tags, 0 release tags, 2 ledger entries)"), r.out());
        assertTrue(r.out().contains("release-entry-without-tag  release/support_copilot/1"), r.out());
        assertFalse(r.out().contains("\u001b["), r.out());
    }
}
