package dev.reg.git;

/** An annotated tag to create on the new commit: short name ({@code prompt/x@1.0.0}) and message. */
public record TagSpec(String name, String message) {
    public String refName() {
        return "refs/tags/" + name;
    }
}
