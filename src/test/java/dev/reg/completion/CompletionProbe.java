package dev.reg.completion;

import java.nio.file.Path;
import java.util.List;

/** Asks for every type of candidate once, in its own JVM, so a test can see which classes that loads. */
public final class CompletionProbe {
    private CompletionProbe() {
    }

    public static void main(String[] args) {
        CompletionCandidates c = new CompletionCandidates(Path.of(args[0]));
        for (CompletionCandidates.Type t : CompletionCandidates.Type.values()) {
            List<String> context = switch (t) {
                case NAMES -> List.of("prompt");
                case VERSIONS -> List.of("prompt/billing_refund");
                case RELEASES -> List.of("support_copilot");
                default -> List.of();
            };
            c.of(t, "", context).forEach(x -> System.out.println(t + " " + x.value()));
        }
        c.of(CompletionCandidates.Type.REFS, "prompt/billing_refund", List.of()).forEach(x -> System.out.println("REFS " + x.value()));
    }
}
