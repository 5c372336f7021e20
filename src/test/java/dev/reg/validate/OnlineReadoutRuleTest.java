package dev.reg.validate;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** REG035 online-readout-modified: a readout recorded under registry/online/ is immutable evidence. */
class OnlineReadoutRuleTest {
    static final String READOUT = "registry/online/support_copilot/canary-release-3-20261120T100000Z.json";

    @TempDir
    Path dir;

    private Fixture recorded() {
        Fixture x = Fixture.supportCopilot(dir);
        x.write(READOUT, "{\"format\": \"reg.canary/1\", \"release\": 3, \"verdict\": \"continue\"}\n");
        x.commit("record canary readout");
        x.git("checkout", "-q", "-b", "pr");
        return x;
    }

    @Test
    void reg035EditedReadoutFails() {
        Fixture x = recorded();
        x.write(READOUT, "{\"format\": \"reg.canary/1\", \"release\": 3, \"verdict\": \"promote\"}\n");
        x.commit("massage the evidence");
        x.validate("--base", "main").expect("REG035", READOUT, 0);
    }

    @Test
    void reg035RemovedReadoutFails() {
        Fixture x = recorded();
        x.git("rm", "-q", READOUT);
        x.commit("drop the evidence");
        x.validate("--base", "main").expect("REG035", READOUT, 0);
    }

    @Test
    void reg035NewReadoutPasses() {
        Fixture x = recorded();
        x.write("registry/online/support_copilot/canary-release-3-20261120T110000Z.json",
                "{\"format\": \"reg.canary/1\", \"release\": 3, \"verdict\": \"promote\"}\n");
        x.commit("record a later readout");
        x.validate("--base", "main").expectNone("REG035");
    }
}
