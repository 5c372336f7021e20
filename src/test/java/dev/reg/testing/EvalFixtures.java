package dev.reg.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reg.eval.CaseReader;
import dev.reg.eval.EvalCase;
import dev.reg.eval.EvalRunInfo;
import dev.reg.eval.EvalStore;
import dev.reg.registry.Registry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fixture files made by real tools, and helpers to import them and read the stored runs back. */
public final class EvalFixtures {
    private EvalFixtures() {
    }

    /** A file under src/test/resources/fixtures. */
    public static Path fixture(String rel) {
        try {
            return Path.of(EvalFixtures.class.getResource("/fixtures/" + rel).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("no fixture " + rel, e);
        }
    }

    /** Writes {@code content} to a file outside the repository (a tool's output lives elsewhere). */
    public static Path write(Path dir, String name, String content) {
        try {
            Files.createDirectories(dir);
            Path p = dir.resolve(name);
            Files.writeString(p, content, StandardCharsets.UTF_8);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code reg eval import FILE --json ARGS…}, failing the test unless it exits 0; returns the run id. */
    public static String importRun(TestRegistry r, Path file, String... args) {
        return importRun(r, RegCli.CLOCK, file, args);
    }

    /** The same at the time {@code clock} says: runs of one composite are told apart by when they were imported. */
    public static String importRun(TestRegistry r, java.time.Clock clock, Path file, String... args) {
        List<String> all = new ArrayList<>(List.of("eval", "import", file.toString(), "--json"));
        all.addAll(List.of(args));
        RegCli.Result res = RegCli.run(r.root(), clock, all.toArray(String[]::new));
        if (res.exit() != 0) {
            throw new AssertionError("reg " + String.join(" ", all) + " exited " + res.exit() + ":\n" + res.err() + res.out());
        }
        return json(res.out()).path("run").path("id").asText();
    }

    public static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    public static EvalRunInfo info(TestRegistry r, String id) {
        TestEnv.home();
        try (Registry reg = Registry.open(r.root())) {
            return EvalStore.of(reg, reg.workTree()).load(id);
        }
    }

    /** The stored rows of a run, keyed {@code id#trial}, in stored order. */
    public static Map<String, EvalCase> cases(TestRegistry r, String id) {
        TestEnv.home();
        Map<String, EvalCase> out = new LinkedHashMap<>();
        try (Registry reg = Registry.open(r.root()); CaseReader reader = EvalStore.of(reg, reg.workTree()).openCases(EvalStore.of(reg, reg.workTree()).load(id))) {
            while (reader.hasNext()) {
                EvalCase c = reader.next();
                out.put(c.id() + "#" + c.trial(), c);
            }
        }
        return out;
    }

    public static void assertCounts(EvalRunInfo run, long cases, long rows, long passed, long failed, long errored, long skipped) {
        assertEquals(cases, run.summary().cases(), "cases");
        assertEquals(rows, run.summary().rows(), "rows");
        assertEquals(passed, run.summary().passed(), "passed");
        assertEquals(failed, run.summary().failed(), "failed");
        assertEquals(errored, run.summary().errored(), "errored");
        assertEquals(skipped, run.summary().skipped(), "skipped");
    }
}
