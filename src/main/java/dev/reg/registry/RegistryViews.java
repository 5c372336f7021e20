package dev.reg.registry;

import dev.reg.git.FileChange;
import java.util.List;
import java.util.Map;

/** What the reading commands return; plain values, so the CLI can print them as text or JSON. */
public final class RegistryViews {
    private RegistryViews() {
    }

    public record Overview(String root, List<WorkflowView> workflows, List<ArtifactSummary> artifacts) {
    }

    public record WorkflowView(String name, List<String> components, String gate) {
    }

    public record ArtifactSummary(String artifact, String version, String latestTag, int versions) {
    }

    /** One artifact, from the work tree ({@code tag} null) or at a version tag. */
    public record ArtifactDetails(String artifact, String version, String owner, String description, List<String> files,
            Map<String, String> checksums, String digest, String state, List<ChangelogEntry> changelog, String rollbackTo,
            Map<String, List<String>> links, Map<String, Object> model, String label, List<String> versions, String latest,
            TagView tag) {
    }

    public record TagView(String name, String commit, String tagger, String date, String digest, String message) {
    }

    public record LogEntry(String version, String date, String tagger, String summary, String digest, String commit) {
    }

    public record Log(String artifact, List<LogEntry> versions) {
    }

    public record FieldChange(String field, Object from, Object to) {
    }

    public record Diff(String artifact, String from, String to, List<FieldChange> fields, List<FileChange> files) {
    }
}
