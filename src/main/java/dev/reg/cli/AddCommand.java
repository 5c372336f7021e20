package dev.reg.cli;

import dev.reg.cli.render.TerminalProgress;
import dev.reg.registry.AddRequest;
import dev.reg.registry.ArtifactId;
import dev.reg.registry.ArtifactService;
import dev.reg.registry.ArtifactVersion;
import dev.reg.registry.Kind;
import dev.reg.registry.Registry;
import dev.reg.registry.VersionPublished;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "add", description = "Register a new artifact: checksums, artifact.yaml, commit and tag of its first version.")
final class AddCommand extends BaseCommand {
    @Mixin
    PushOption push = new PushOption();

    @Parameters(index = "0", paramLabel = "KIND", description = "prompt, model or dataset")
    String kind;

    @Parameters(index = "1", paramLabel = "NAME", description = "lowercase name, e.g. billing_refund")
    String name;

    @Parameters(index = "2..*", paramLabel = "FILES", description = "content files, copied into the artifact folder")
    List<Path> files = new ArrayList<>();

    @Option(names = "--version", paramLabel = "VERSION", defaultValue = "0.1.0", description = "first version (default ${DEFAULT-VALUE})")
    String version;

    @Option(names = {"-m", "--message"}, paramLabel = "TEXT", description = "changelog summary of the first version")
    String message;

    @Option(names = "--owner", paramLabel = "TEAM")
    String owner;

    @Option(names = "--description", paramLabel = "TEXT")
    String description;

    @Option(names = "--provider", paramLabel = "NAME", description = "model provider (models)")
    String provider;

    @Option(names = "--model-id", paramLabel = "ID", description = "provider's model id (models)")
    String modelId;

    @Option(names = "--label", paramLabel = "LABEL", description = "label shown in composites (datasets)")
    String label;

    @Override
    public Integer call() {
        ArtifactId id = new ArtifactId(Kind.parse(kind), name);
        Map<String, String> fields = new HashMap<>();
        put(fields, "owner", owner);
        put(fields, "description", description);
        put(fields, "provider", provider);
        put(fields, "model_id", modelId);
        put(fields, "label", label);
        List<Path> resolved = files.stream().map(f -> dir().resolve(f)).toList();
        try (Registry registry = openRegistry()) {
            ArtifactService service = new ArtifactService(registry, clock(), new TerminalProgress(term()));
            AddRequest req = new AddRequest(id, resolved, ArtifactVersion.parseVersion(version), message, fields);
            publish(registry, push, false, () -> service.add(req), v -> BumpCommand.printPublished(term(), v));
        }
        return ExitCodes.OK;
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null) {
            m.put(k, v);
        }
    }
}
