package dev.reg.demo;

/** Where the demo script runs its commands and tells its story; the CLI provides it. */
public interface DemoShell {
    /** Runs one reg command in the demo registry, showing it as a terminal session would; returns its exit code. */
    int reg(String... args);

    /** Starts a chapter of the story. */
    void chapter(String title, String narration);

    /** Says something between commands. */
    void say(String text);
}
