package dev.reg.git;

import java.time.Instant;

/** An annotated tag as read from its object. {@code tagObject} is null for a lightweight tag. */
public record TagInfo(String name, GitId tagObject, GitId target, String message, String tagger, Instant when) {
    public boolean annotated() {
        return tagObject != null;
    }

    /** The value of a {@code Key: value} trailer in the message, if present. */
    public java.util.Optional<String> trailer(String key) {
        return Trailers.find(message, key);
    }
}
