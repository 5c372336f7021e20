package dev.reg.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reg.testing.RegCli;
import dev.reg.testing.TestRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A registry to validate: a copy of one built once per test run (the support_copilot workflow
 * with three artifacts at 1.0.0), so each test starts from a real repository in milliseconds.
 */
final class Fixture {
    static final String PROMPT = "registry/prompts/billing_refund/artifact.yaml";
    static final String TEMPLATE = "registry/prompts/billing_refund/template.md";

    final TestRegistry reg;

    private Fixture(TestRegistry reg) {
        this.reg = reg;
    }

    /** A fresh copy of the support_copilot registry in {@code dir}. */
    static Fixture supportCopilot(Path dir) {
        return new Fixture(TestRegistry.supportCopilot(dir));
    }

    Path root() {
        return reg.root();
    }

    Fixture write(String rel, String content) {
        reg.write(rel, content);
        return this;
    }

    /** Replaces the first occurrence of {@code from} in {@code rel}, failing if it is not there. */
    Fixture replace(String rel, String from, String to) {
        String text = reg.read(rel);
        assertTrue(text.contains(from), rel + " does not contain '" + from + "':\n" + text);
        reg.write(rel, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
        return this;
    }

    /** 1-based number of the first line of {@code rel} containing {@code text}. */
    int lineOf(String rel, String text) {
        String[] lines = reg.read(rel).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(rel + " has no line containing '" + text + "'");
    }

    Fixture commit(String message) {
        reg.commitAll(message);
        return this;
    }

    String git(String... args) {
        return reg.git(args);
    }

    /** One finding as the JSON output reports it. */
    record Found(String rule, String severity, String file, int line, String message) {
        @Override
        public String toString() {
            return rule + " " + severity + " " + file + ":" + line + " " + message;
        }
    }

    /** The result of one {@code reg validate --format json} run. */
    record Run(int exit, JsonNode json, List<Found> findings, String stderr) {
        List<Found> of(String rule) {
            return findings.stream().filter(f -> f.rule().equals(rule)).toList();
        }

        /** Asserts a finding of {@code rule} in {@code file} at {@code line} and returns it. */
        Found expect(String rule, String file, int line) {
            for (Found f : findings) {
                if (f.rule().equals(rule) && f.file().equals(file) && f.line() == line) {
                    return f;
                }
            }
            return fail("expected " + rule + " at " + file + ":" + line + ", found:\n" + describe());
        }

        void expectNone(String rule) {
            assertTrue(of(rule).isEmpty(), "expected no " + rule + ", found:\n" + describe());
        }

        void expectClean() {
            List<Found> errors = findings.stream().filter(f -> f.severity().equals("error")).toList();
            assertTrue(errors.isEmpty(), "expected no errors, found:\n" + describe());
            assertEquals(0, exit, stderr);
        }

        String describe() {
            return findings.stream().map(Found::toString).collect(Collectors.joining("\n"));
        }
    }

    Run validate(String... args) {
        List<String> all = new ArrayList<>(List.of("validate", "--format", "json"));
        all.addAll(List.of(args));
        RegCli.Result r = reg.reg(all.toArray(String[]::new));
        assertFalse(r.err().contains("internal error") || r.err().contains("Exception"), r.err());
        if (r.exit() != 0 && r.exit() != 1) {
            fail("reg validate exited " + r.exit() + ":\n" + r.err() + r.out());
        }
        try {
            JsonNode json = new ObjectMapper().readTree(r.out());
            List<Found> found = new ArrayList<>();
            for (JsonNode f : json.get("findings")) {
                found.add(new Found(f.get("rule").asText(), f.get("severity").asText(), f.get("file").asText(),
                        f.get("line").isNull() ? 0 : f.get("line").asInt(), f.get("message").asText()));
            }
            assertEquals(json.get("passed").asBoolean() ? 0 : 1, r.exit(), "exit code agrees with 'passed'");
            return new Run(r.exit(), json, found, r.err());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + r.out() + r.err(), e);
        }
    }
}
