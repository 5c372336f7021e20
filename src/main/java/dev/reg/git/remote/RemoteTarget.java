package dev.reg.git.remote;

import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.transport.URIish;

/**
 * A remote to talk to: a configured remote ({@code origin}) or a bare URL. Fetches and reads go to
 * {@code fetchUrl}; pushes to {@code pushUrl} ({@code remote.<name>.pushurl} when set, as in C git).
 *
 * @param name the configured remote's name; empty for a URL given directly
 * @param fetchRefSpecs the remote's {@code fetch} refspecs (where its branches are tracked locally)
 */
public record RemoteTarget(Optional<String> name, String fetchUrl, String pushUrl, List<String> fetchRefSpecs) {
    public RemoteTarget {
        fetchRefSpecs = List.copyOf(fetchRefSpecs);
    }

    /** What to call the remote in a message: its name, or its URL without any user or password. */
    public String label() {
        return name.orElseGet(() -> redact(fetchUrl));
    }

    /** Never the raw URLs: they may hold a password or a token. */
    @Override
    public String toString() {
        return "RemoteTarget[" + label() + (name.isPresent() ? " " + redact(fetchUrl) : "")
                + (pushUrl.equals(fetchUrl) ? "" : ", push " + redact(pushUrl)) + "]";
    }

    /**
     * A URL safe to print: no password, and for http(s) no user either (a CI token is often passed
     * as the user name). ssh keeps its user ({@code git@host}), which is no secret.
     */
    public static String redact(String url) {
        try {
            URIish u = new URIish(url).setPass(null);
            String scheme = u.getScheme();
            if (scheme != null && scheme.toLowerCase(java.util.Locale.ROOT).startsWith("http")) {
                u = u.setUser(null);
            }
            return u.toString();
        } catch (java.net.URISyntaxException e) {
            return "(unparseable URL)";
        }
    }
}
