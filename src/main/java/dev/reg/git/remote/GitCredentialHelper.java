package dev.reg.git.remote;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.errors.UnsupportedCredentialItem;
import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.URIish;

/**
 * HTTP(S) credentials exactly as C git gets them: {@code git credential fill} with the URL's
 * protocol, host and path, so whatever helper the user configured (store, cache, a keychain, a
 * CI's helper) answers; {@code git credential approve} after the operation succeeded and {@code
 * git credential reject} when the server refused what was filled. Runs git in the local
 * repository, so its own {@code credential.*} settings apply too.
 *
 * <p>Nothing here prints, logs or keeps a credential beyond the operation: the filled answer is
 * held only to hand back to approve/reject, and its secrets are registered with {@link Secrets}.
 */
final class GitCredentialHelper extends CredentialsProvider {
    private final Optional<Path> workDir;
    private final Map<String, String> environment;
    private final Secrets secrets;
    private Map<String, String> filled;
    private String filledFor;
    private String lastError;

    GitCredentialHelper(Optional<Path> workDir, Map<String, String> environment, Secrets secrets) {
        this.workDir = workDir;
        this.environment = environment;
        this.secrets = secrets;
    }

    @Override
    public boolean isInteractive() {
        return false; // git credential does its own prompting (terminal or askpass), JGit must not
    }

    @Override
    public boolean supports(CredentialItem... items) {
        for (CredentialItem i : items) {
            if (!(i instanceof CredentialItem.Username) && !(i instanceof CredentialItem.Password)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public synchronized boolean get(URIish uri, CredentialItem... items) throws UnsupportedCredentialItem {
        if (!supports(items)) {
            throw new UnsupportedCredentialItem(uri, "git credential helpers answer user names and passwords only");
        }
        String key = describe(uri).toString();
        if (filled == null || !key.equals(filledFor)) {
            Optional<Map<String, String>> answer = run("fill", describe(uri));
            if (answer.isEmpty() || answer.get().get("username") == null || answer.get().get("password") == null) {
                return false;
            }
            filled = answer.get();
            filledFor = key;
            secrets.add(filled.get("password"));
            secrets.add(filled.get("username")); // tokens are often passed as the user name
        }
        for (CredentialItem i : items) {
            if (i instanceof CredentialItem.Username u) {
                u.setValue(filled.get("username"));
            } else if (i instanceof CredentialItem.Password p) {
                p.setValue(filled.get("password").toCharArray());
            }
        }
        return true;
    }

    /** JGit calls this when the server refused the credentials it was given: tell the helpers to forget them. */
    @Override
    public synchronized void reset(URIish uri) {
        if (filled != null) {
            run("reject", filled);
            filled = null;
            filledFor = null;
        }
    }

    /** The operation succeeded with the filled credentials (if any): let the helpers store them. */
    synchronized void approve() {
        if (filled != null) {
            run("approve", filled);
        }
    }

    /** The operation failed for lack of valid credentials: the helpers must not keep offering these. */
    synchronized void reject() {
        reset(null);
    }

    /** What git printed when it could not give credentials (already cleaned of secrets), for the error message. */
    synchronized Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    /** The credential description C git sends its helpers for this URL. */
    private static Map<String, String> describe(URIish uri) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("protocol", uri.getScheme() == null ? "https" : uri.getScheme().toLowerCase(java.util.Locale.ROOT));
        d.put("host", uri.getPort() > 0 ? uri.getHost() + ":" + uri.getPort() : uri.getHost());
        String path = uri.getPath();
        if (path != null && path.startsWith("/")) {
            path = path.substring(1);
        }
        if (path != null && !path.isEmpty()) {
            d.put("path", path);
        }
        if (uri.getUser() != null) {
            d.put("username", uri.getUser());
        }
        return d;
    }

    private Optional<Map<String, String>> run(String action, Map<String, String> description) {
        StringBuilder in = new StringBuilder();
        for (Map.Entry<String, String> e : description.entrySet()) {
            String v = e.getValue();
            if (v == null || v.indexOf('\n') >= 0 || v.indexOf('\0') >= 0) {
                // the credential protocol is line based; a newline in a URL would let it inject keys (CVE-2020-5260)
                lastError = "the URL contains a newline or NUL; refusing to ask credential helpers about it";
                return Optional.empty();
            }
            in.append(e.getKey()).append('=').append(v).append('\n');
        }
        in.append('\n');
        List<String> cmd = new ArrayList<>(List.of("git", "credential", action));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        workDir.ifPresent(d -> pb.directory(d.toFile()));
        pb.environment().clear();
        pb.environment().putAll(environment);
        try {
            Process p = pb.start();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread errReader = drain(p.getErrorStream(), err);
            try (OutputStream o = p.getOutputStream()) {
                o.write(in.toString().getBytes(StandardCharsets.UTF_8));
            }
            byte[] out = p.getInputStream().readAllBytes();
            int exit = p.waitFor();
            errReader.join();
            if (exit != 0) {
                String msg = err.toString(StandardCharsets.UTF_8).strip();
                lastError = secrets.scrub("git credential " + action + " failed" + (msg.isEmpty() ? "" : ": " + firstLine(msg)));
                return Optional.empty();
            }
            Map<String, String> answer = new LinkedHashMap<>();
            for (String line : new String(out, StandardCharsets.UTF_8).split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    answer.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            return Optional.of(answer);
        } catch (IOException e) {
            lastError = "cannot run git credential " + action + " (is git installed?)";
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            lastError = "interrupted while waiting for git credential " + action;
            return Optional.empty();
        }
    }

    private static Thread drain(InputStream in, ByteArrayOutputStream to) {
        Thread t = new Thread(() -> {
            try {
                in.transferTo(to);
            } catch (IOException e) {
                // the helper went away; what it printed so far is all there is
            }
        }, "git-credential-stderr");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
