package dev.reg.registry;

import java.util.Optional;

/**
 * The {@code Key: value} trailers reg writes into commit and tag messages, so that Git itself
 * ({@code git log --format=%(trailers)}, {@code git for-each-ref}) can answer what a commit or tag
 * records. The last line of a key wins when reading.
 */
public enum Trailer {
    /** A version's commit and tag: the artifact's content digest. */
    DIGEST("Reg-Digest"),
    ARTIFACT("Reg-Artifact"),
    VERSION("Reg-Version"),
    WORKFLOW("Reg-Workflow"),
    RELEASE("Reg-Release"),
    COMPOSITE_DIGEST("Reg-Composite-Digest"),
    DECISION("Reg-Decision"),
    RUN("Reg-Run"),
    REASON("Reg-Reason"),
    ACTOR("Reg-Actor"),
    /** An incident control's commit: mark, freeze, unfreeze. */
    ACTION("Reg-Action"),
    /** A rollback commit: validate allows versions to go down only in one of these. */
    ROLLBACK("Reg-Rollback"),
    ROLLBACK_FROM("Reg-Rollback-From"),
    ROLLBACK_TO("Reg-Rollback-To");

    private final String key;

    Trailer(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The value of this trailer in {@code message}: the last line that has it. */
    public Optional<String> in(String message) {
        return dev.reg.git.Trailers.find(message, key);
    }
}
