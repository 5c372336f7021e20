package dev.reg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.testing.RegCli;
import dev.reg.testing.TestRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reg bump} as a user types it. */
class BumpCliTest {
    @TempDir
    Path dir;

    @Test
    void preTakesDottedAndNumericIdentifiersAsNpm() {
        TestRegistry r = TestRegistry.init(dir);
        r.artifact("prompt", "triage").file("template.md", "Triage {{ticket}}.\n").add("--version", "3.0.0-alpha.beta.5.4");
        RegCli.Result res = r.regOk("bump", "prompt", "triage", "prerelease", "--pre", "alpha.beta", "--allow-unchanged", "-m", "next beta");
        assertTrue(res.out().startsWith("prompt/triage@3.0.0-alpha.beta.5.5 (was 3.0.0-alpha.beta.5.4)"), res.out());
        res = r.regOk("bump", "prompt", "triage", "prepatch", "--pre", "1", "--allow-unchanged", "-m", "numeric line");
        assertTrue(res.out().startsWith("prompt/triage@3.0.1-1.0 "), res.out());
    }

    @Test
    void aBadPreIsCalledAPrereleaseIdentifier() {
        TestRegistry r = TestRegistry.init(dir);
        r.artifact("prompt", "triage").file("template.md", "Triage {{ticket}}.\n").add("--version", "1.0.0");
        var before = r.snapshot();
        RegCli.Result res = r.reg("bump", "prompt", "triage", "prerelease", "--pre", "al_pha", "--allow-unchanged", "-m", "x");
        assertEquals(2, res.exit(), res.all());
        assertEquals("reg: --pre: invalid pre-release identifier \"al_pha\": '_' is not allowed at 2\n", res.err());
        assertFalse(res.err().contains("versions only go up"));
        r.assertUnchangedSince(before);
    }

    @Test
    void withoutMessageOffATerminalIsRefused() {
        TestRegistry r = TestRegistry.init(dir);
        r.artifact("prompt", "triage").file("template.md", "Triage {{ticket}}.\n").add("--version", "1.0.0");
        r.append("registry/prompts/triage/template.md", "Escalate chargebacks.\n");
        var before = r.snapshot();
        RegCli.Result res = r.reg("bump", "prompt", "triage", "minor");
        assertEquals(2, res.exit(), res.all());
        assertEquals("reg: no changelog summary: give it with -m TEXT (reg opens an editor for it only on a terminal)\n", res.err());
        r.assertUnchangedSince(before);
    }

    /** On a terminal, bump without -m opens the editor git commit would: GIT_EDITOR, core.editor, VISUAL (not on a dumb terminal), EDITOR. */
    @Test
    void withoutMessageOnATerminalOpensTheEditorGitWould() throws Exception {
        TestRegistry r = TestRegistry.init(dir.resolve("repo"));
        r.artifact("prompt", "triage").file("template.md", "Triage {{ticket}}.\n").add("--version", "1.0.0");
        Map<String, String> ed = Map.of("GIT_EDITOR", editor("git-editor"), "VISUAL", editor("visual"), "EDITOR", editor("editor"),
                "core.editor", editor("core-editor"));
        assertEquals("written in git-editor", bumpOnTerminal(r, Map.of("GIT_EDITOR", ed.get("GIT_EDITOR"), "VISUAL", ed.get("VISUAL"),
                "EDITOR", ed.get("EDITOR")), ed.get("core.editor")));
        assertEquals("written in core-editor", bumpOnTerminal(r, Map.of("VISUAL", ed.get("VISUAL"), "EDITOR", ed.get("EDITOR")), ed.get("core.editor")));
        assertEquals("written in visual", bumpOnTerminal(r, Map.of("VISUAL", ed.get("VISUAL"), "EDITOR", ed.get("EDITOR"), "TERM", "xterm"), null));
        assertEquals("written in editor", bumpOnTerminal(r, Map.of("VISUAL", ed.get("VISUAL"), "EDITOR", ed.get("EDITOR"), "TERM", "dumb"), null));
        assertTrue(r.read("registry/prompts/triage/artifact.yaml").contains("summary: written in editor"));
        assertFalse(Files.exists(r.path(".git/REG_CHANGELOG_EDITMSG")), "the message file is removed");

        var before = r.snapshot();
        RegCli.Result none = RegCli.onTerminal(r.root(), Map.of("TERM", "xterm"), "bump", "prompt", "triage", "patch", "--allow-unchanged");
        assertEquals(2, none.exit(), none.all());
        assertEquals("reg: no changelog summary and no editor: give it with -m TEXT, or set GIT_EDITOR, core.editor, VISUAL or EDITOR\n", none.err());
        Path onlyComments = dir.resolve("keep-comments");
        Files.writeString(onlyComments, "#!/bin/sh\nexit 0\n");
        onlyComments.toFile().setExecutable(true);
        RegCli.Result empty = RegCli.onTerminal(r.root(), Map.of("EDITOR", onlyComments.toString()), "bump", "prompt", "triage", "patch", "--allow-unchanged");
        assertEquals(2, empty.exit(), empty.all());
        assertEquals("reg: empty changelog summary; nothing was bumped\n", empty.err());
        RegCli.Result unchangedContent = RegCli.onTerminal(r.root(), Map.of("EDITOR", editor("editor")), "bump", "prompt", "triage", "patch");
        assertEquals(2, unchangedContent.exit(), unchangedContent.all());
        assertTrue(unchangedContent.err().contains("nothing to release"), "the editor opens only when there is something to bump: "
                + unchangedContent.err());
        r.assertUnchangedSince(before);
    }

    /** An editor script that writes "written in NAME" above the template's comment lines. */
    private String editor(String name) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n{ echo 'written in " + name + "'; cat \"$1\"; } > \"$1.new\" && mv \"$1.new\" \"$1\"\n");
        p.toFile().setExecutable(true);
        return p.toString();
    }

    private String bumpOnTerminal(TestRegistry r, Map<String, String> env, String coreEditor) {
        if (coreEditor != null) {
            r.git("config", "core.editor", coreEditor);
        } else {
            dev.reg.testing.GitCli.run(r.root(), "config", "--unset-all", "core.editor"); // exit 5 when it was not set
        }
        RegCli.Result res = RegCli.onTerminal(r.root(), env, "bump", "prompt", "triage", "patch", "--allow-unchanged");
        assertEquals(0, res.exit(), res.all());
        String first = res.out().lines().findFirst().orElse("");
        return first.substring(first.indexOf("): ") + 3);
    }
}
