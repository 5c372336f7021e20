package dev.reg.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reg.testing.Golden;
import dev.reg.testing.TestRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** reg rewrites only the fields it owns; everything else in artifact.yaml stays byte for byte. */
class ArtifactYamlEditorTest {
    private static final String PROMPT = "registry/prompts/billing_refund/artifact.yaml";

    @TempDir
    Path dir;

    @Test
    void bumpKeepsUserFieldsOrderCommentsAndStyle() {
        TestRegistry r = TestRegistry.supportCopilot(dir);
        String yaml = r.read(PROMPT);
        String digest = yaml.substring(yaml.indexOf("digest: ") + 8, yaml.indexOf('\n', yaml.indexOf("digest: ")));
        String checksum = yaml.substring(yaml.indexOf("template.md: ") + 13, yaml.indexOf('\n', yaml.indexOf("template.md: ")));
        r.write(PROMPT, """
                # Billing refund prompt — owned by support-ops.
                kind: prompt            # kind first: the user's order stays
                id: billing_refund
                description: >
                  Answers refund questions
                  from policy snippets.
                version: 1.0.0   # bumped by reg
                owner: support-ops
                files: [template.md]
                schema:
                  inputs: [customer_context, policy_snippets, question]
                  outputs: [answer, citations, confidence]
                policies: {requires_citations: true, safety_profile: standard_level2}
                links:
                  datasets: [dataset/golden@1.0.0]
                checksums:
                  template.md: CHECKSUM
                digest: DIGEST
                changelog:
                  # newest first
                  - version: 1.0.0
                    date: 2026-11-01
                    summary: "first: a quoted summary"

                # free-form notes the user keeps at the end
                x-review: {by: alice}
                """.replace("CHECKSUM", checksum).replace("DIGEST", digest));
        r.commitAll("reformat artifact.yaml by hand");
        r.append("registry/prompts/billing_refund/template.md", "Always cite the policy.\n");

        r.regOk("bump", "prompt", "billing_refund", "minor", "-m", "tighten refund exceptions; added citation constraint");

        String after = r.read(PROMPT);
        Golden.assertMatches("artifact-yaml-after-bump.yaml", after.replaceAll("sha256:[0-9a-f]{64}", "sha256:<hex>"));
    }

    @Test
    void summariesThatNeedQuotingReadBackVerbatim() {
        TestRegistry r = TestRegistry.supportCopilot(dir);
        String tricky = "fix: 'quotes', \"double\", #hash, - dash: colon & 1.10";
        r.append("registry/prompts/billing_refund/template.md", "x\n");
        r.regOk("bump", "prompt", "billing_refund", "patch", "-m", tricky);
        String show = r.regOk("show", "prompt/billing_refund", "--json").out();
        assertEquals(true, show.contains("\"summary\" : \"" + tricky.replace("\"", "\\\"") + "\""), show);
    }
}
