package dev.reg.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reg.registry.RegistryView;
import dev.reg.BadInputException;
import dev.reg.registry.ArtifactNames;
import dev.reg.composite.Composite;
import dev.reg.ledger.Ledger;
import dev.reg.ledger.LedgerEntry;
import dev.reg.ledger.ReleaseStatus;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code registry/releases/<workflow>.yaml}: the schema, and a ledger that agrees with itself and the registry. */
final class LedgerRules {
    static final String FOLDER = "registry/releases";
    private final Context ctx;

    LedgerRules(Context ctx) {
        this.ctx = ctx;
    }

    void check(String file, Optional<Set<String>> workflows, String adrDir) {
        String name = file.substring(FOLDER.length() + 1);
        String workflow = name.substring(0, name.length() - ".yaml".length());
        if (!ArtifactNames.isLegal(workflow)) {
            ctx.add(Rule.ILLEGAL_NAME, file, 0, 0, "'" + ArtifactNames.printable(workflow)
                    + "' is not a legal workflow name, so this is no ledger reg can read; ledgers are registry/releases/<workflow>.yaml");
            return;
        }
        var loaded = ctx.load(file);
        if (loaded.isEmpty()) {
            return;
        }
        Context.LoadedYaml y = loaded.get();
        boolean conforms = ctx.conforms(y, SchemaCheck.LEDGER);
        Context.text(y.root(), "workflow").filter(w -> !w.equals(workflow)).ifPresent(w -> ctx.add(Rule.LEDGER_INCONSISTENT,
                file, y.json().line("/workflow"), y.json().column("/workflow"), "workflow is '" + w + "' but this is the ledger of '"
                        + workflow + "' (" + file + ")"));
        if (workflows.isPresent() && !workflows.get().contains(workflow)) {
            ctx.add(new Finding(Rule.LEDGER_INCONSISTENT, Severity.WARNING, file, 0, 0, "registry.yaml defines no workflow '"
                    + workflow + "'; this ledger belongs to no workflow"));
        }
        List<JsonNode> raw = Context.items(y.root(), "releases");
        for (int i = 0; i < raw.size(); i++) {
            checkReferences(y, raw.get(i), YamlJson.child("/releases", i), adrDir);
        }
        if (!conforms) {
            return;
        }
        Ledger ledger;
        try {
            ledger = Ledger.read(y.doc(), workflow);
        } catch (BadInputException e) {
            ctx.add(Rule.LEDGER_INCONSISTENT, file, e.line(), 0, e.detail());
            return;
        }
        List<LedgerEntry> entries = ledger.entries();
        for (int i = 0; i < entries.size(); i++) {
            checkEntry(y, workflow, entries.get(i), YamlJson.child("/releases", i));
            if (i < entries.size() - 1 && entries.get(i).status() == ReleaseStatus.CANARY) {
                String p = YamlJson.child(YamlJson.child("/releases", i), "status");
                ctx.add(Rule.LEDGER_INCONSISTENT, y.file(), y.json().line(p), y.json().column(p), "release " + entries.get(i).n()
                        + " is still a canary but release " + entries.get(i + 1).n() + " came after it; a canary is promoted"
                        + " ('reg promote') or rolled back before the next release");
            }
        }
    }

    private void checkEntry(Context.LoadedYaml y, String workflow, LedgerEntry e, String at) {
        if (!e.components().isEmpty()) {
            var computed = new Composite(workflow, e.components()).digest();
            if (!computed.equals(e.digest())) {
                String p = YamlJson.child(at, "digest");
                ctx.add(Rule.LEDGER_INCONSISTENT, y.file(), y.json().line(p), y.json().column(p), "release " + e.n() + ": digest is "
                        + e.digest() + " but its components make " + computed);
            }
        }
        if (e.tagged() && (e.status() == ReleaseStatus.CANDIDATE || e.status() == ReleaseStatus.HELD)) {
            String p = YamlJson.child(at, "tagged");
            ctx.add(Rule.LEDGER_INCONSISTENT, y.file(), y.json().line(p), y.json().column(p), "release " + e.n() + " is "
                    + e.status().label() + " but marked tagged; only releases that shipped have a release tag");
        }
        if (!e.tagged() && e.status() == ReleaseStatus.CANARY) {
            String p = YamlJson.child(at, "tagged");
            ctx.add(Rule.LEDGER_INCONSISTENT, y.file(), y.json().line(p), y.json().column(p), "release " + e.n()
                    + " is a canary but not tagged; 'reg release --canary' tags the canary it starts");
        }
        checkRelation(y, e, at, "rollback_from", e.rollbackFrom());
        checkRelation(y, e, at, "rollback_to", e.rollbackTo());
    }

    private void checkRelation(Context.LoadedYaml y, LedgerEntry e, String at, String key, Integer other) {
        if (other != null && other >= e.n()) {
            String p = YamlJson.child(at, key);
            ctx.add(Rule.LEDGER_INCONSISTENT, y.file(), y.json().line(p), y.json().column(p), "release " + e.n() + ": " + key + " "
                    + other + " is not an earlier release");
        }
    }

    private void checkReferences(Context.LoadedYaml y, JsonNode entry, String at, String adrDir) {
        Context.text(entry, "run").ifPresent(run -> {
            if (!ctx.evalRuns().exists(run)) {
                String p = YamlJson.child(at, "run");
                ctx.add(Rule.LINK_UNRESOLVED, y.file(), y.json().line(p), y.json().column(p), YamlJson.fieldName(p) + ": no eval run '"
                        + run + "' under " + EvalRuns.FOLDER + "/");
            }
        });
        Context.text(entry, "adr").ifPresent(adr -> {
            boolean found = !adr.contains("..") && (ctx.snapshot.kind(adr) == RegistryView.EntryKind.FILE
                    || ctx.snapshot.kind(adrDir + "/" + adr) == RegistryView.EntryKind.FILE);
            if (!found) {
                String p = YamlJson.child(at, "adr");
                ctx.add(Rule.LINK_UNRESOLVED, y.file(), y.json().line(p), y.json().column(p), YamlJson.fieldName(p) + ": no ADR file '"
                        + adr + "' (looked in the repository root and " + adrDir + "/)");
            }
        });
    }
}
