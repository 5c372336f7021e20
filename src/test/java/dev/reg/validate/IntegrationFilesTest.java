package dev.reg.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.testing.RegCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** The CI integrations call reg the way reg accepts: their commands run on a real registry. */
class IntegrationFilesTest {
    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void preCommitHookEntriesRun() throws Exception {
        List<Map<String, Object>> hooks = new Yaml().load(Files.readString(Path.of(".pre-commit-hooks.yaml")));
        assertEquals(2, hooks.size());
        Fixture x = Fixture.supportCopilot(dir);
        for (Map<String, Object> hook : hooks) {
            String[] entry = ((String) hook.get("entry")).split(" ");
            assertEquals("reg", entry[0]);
            assertEquals(false, hook.get("pass_filenames"));
            RegCli.Result r = x.reg.reg(java.util.Arrays.copyOfRange(entry, 1, entry.length));
            assertEquals(0, r.exit(), hook.get("id") + ": " + r.err() + r.out());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void actionRunsValidateWithABaseInGithubAndSarifFormats() throws Exception {
        Map<String, Object> action = new Yaml().load(Files.readString(Path.of("action.yml")));
        Map<String, Object> runs = (Map<String, Object>) action.get("runs");
        assertEquals("composite", runs.get("using"));
        List<String> commands = new ArrayList<>();
        for (Map<String, Object> step : (List<Map<String, Object>>) runs.get("steps")) {
            Object run = step.get("run");
            if (run != null) {
                ((String) run).lines().map(String::strip).filter(l -> l.startsWith("\"$GITHUB_ACTION_PATH/reg\"")).forEach(commands::add);
            }
        }
        // reg doctor runs first as a warning only: a pull request's checkout is always a detached HEAD
        List<String> doctor = commands.stream().filter(c -> c.startsWith("\"$GITHUB_ACTION_PATH/reg\" doctor")).toList();
        assertEquals(1, doctor.size(), commands.toString());
        assertTrue(doctor.get(0).contains("|| echo \"::warning::"), doctor.get(0));
        commands.removeAll(doctor);
        assertEquals(2, commands.size(), commands.toString());
        Fixture x = Fixture.supportCopilot(dir);
        x.git("checkout", "-q", "-b", "pr");
        x.reg.append(Fixture.TEMPLATE, "edited\n");
        x.commit("edit");
        for (String command : commands) {
            String args = command.substring("\"$GITHUB_ACTION_PATH/reg\" ".length()).replace("\"$BASE\"", "main")
                    .replaceAll(" > .*$", "");
            RegCli.Result r = x.reg.reg(args.split(" "));
            assertEquals(1, r.exit(), command + ": " + r.err());
            assertTrue(r.out().contains("REG012"), command + ": " + r.out());
        }
    }
}
