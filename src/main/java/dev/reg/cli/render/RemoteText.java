package dev.reg.cli.render;

import dev.reg.git.GitId;
import dev.reg.git.remote.FetchResult;
import dev.reg.git.remote.RemoteTagReport;
import dev.reg.git.remote.TagComparison;
import dev.reg.util.Plural;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The text and JSON of {@code reg fetch} and of {@code reg verify --remote}. */
public final class RemoteText {
    /** Tag lists longer than this are shortened in text (JSON always has them all). */
    static final int LIST_LIMIT = 10;

    private RemoteText() {
    }

    public static void fetch(Terminal term, FetchResult r) {
        PrintWriter out = term.out();
        String branch = shortBranch(r.branch());
        if (r.remoteTip().isEmpty()) {
            out.println(r.remote() + " has no branch " + branch + "; fetched its reg tags only");
        } else {
            out.println("fetched " + r.remote() + " " + branch + " at " + abbrev(GitId.of(r.remoteTip().get()))
                    + r.trackingRef().map(t -> " (" + shortRef(t) + ")").orElse(""));
        }
        out.println(r.newTags().isEmpty() ? "no new tags" : Plural.of(r.newTags().size(), "new tag") + ": " + list(r.newTags()));
        differing(term, r.remote(), r.tags());
    }

    public static Map<String, Object> fetchJson(FetchResult r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", r.tags().consistent());
        out.put("remote", r.remote());
        out.put("branch", r.branch());
        out.put("remoteTip", r.remoteTip().map(id -> GitId.of(id).name()).orElse(null));
        out.put("trackingRef", r.trackingRef().orElse(null));
        out.put("newTags", r.newTags());
        out.put("differing", differingJson(r.tags()));
        out.put("objectsFetched", r.objectsFetched());
        return out;
    }

    /** The remote half of {@code reg verify --remote}; true when it found no problem. */
    public static void verify(Terminal term, RemoteTagReport r) {
        PrintWriter out = term.out();
        TagComparison t = r.tags();
        String branch = r.remote() + "/" + shortBranch(r.branch());
        out.println((r.ok() ? term.green("remote agrees") : term.red("remote differs")) + ": " + r.remote() + ", "
                + Plural.of(t.same(), "tag") + " the same here and there, " + Plural.of(t.differing().size(), "differing tag") + ", "
                + Plural.of(r.notOnBranch().size(), "version tag") + " not on " + branch);
        if (!t.onlyLocal().isEmpty()) {
            out.println("  only here (not published; 'reg push " + r.remote() + "'): " + list(t.onlyLocal()));
        }
        if (!t.onlyRemote().isEmpty()) {
            out.println("  only on " + r.remote() + " ('reg fetch " + r.remote() + "'): " + list(t.onlyRemote()));
        }
        differing(term, r.remote(), t);
        for (String tag : r.notOnBranch()) {
            out.println("  " + term.bold(tag) + "  is on " + r.remote() + " but not reachable from " + branch
                    + ": it was published from a branch that never reached " + shortBranch(r.branch())
                    + "; merge that commit into " + shortBranch(r.branch()) + ", or publish the content again as a new version");
        }
        if (r.remoteTip().isEmpty()) {
            out.println("  " + r.remote() + " has no branch " + shortBranch(r.branch()) + "; every version tag there is off it");
        }
    }

    public static Map<String, Object> verifyJson(RemoteTagReport r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", r.ok());
        out.put("remote", r.remote());
        out.put("branch", r.branch());
        out.put("remoteTip", r.remoteTip().map(id -> GitId.of(id).name()).orElse(null));
        out.put("same", r.tags().same());
        out.put("differing", differingJson(r.tags()));
        out.put("onlyLocal", r.tags().onlyLocal());
        out.put("onlyRemote", r.tags().onlyRemote());
        out.put("notOnBranch", r.notOnBranch());
        return out;
    }

    private static void differing(Terminal term, String remote, TagComparison t) {
        PrintWriter out = term.out();
        for (TagComparison.Difference d : t.differing()) {
            out.println(term.red("differs") + "  " + term.bold(d.tag()) + "  here " + abbrev(GitId.orNull(d.local())) + " on commit "
                    + abbrev(GitId.orNull(d.localPeeled())) + ", on " + remote + " " + abbrev(GitId.orNull(d.remote())) + " on commit " + abbrev(GitId.orNull(d.remotePeeled()))
                    + (d.sameCommit() ? " (same commit, another tag object)" : " (other content)"));
            out.println("  left as it is here; the remote's tag is the published one. To take it: git tag -d " + d.tag()
                    + " && reg fetch " + remote + (d.sameCommit() ? "" : "; if your tag's content matters, publish it again as"
                            + " a new version with 'reg bump' before deleting the tag"));
        }
    }

    private static List<Map<String, Object>> differingJson(TagComparison t) {
        return t.differing().stream().map(d -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("tag", d.tag());
            m.put("local", name(GitId.orNull(d.local())));
            m.put("localCommit", name(GitId.orNull(d.localPeeled())));
            m.put("remote", name(GitId.orNull(d.remote())));
            m.put("remoteCommit", name(GitId.orNull(d.remotePeeled())));
            m.put("sameCommit", d.sameCommit());
            return m;
        }).toList();
    }

    private static String list(List<String> tags) {
        if (tags.size() <= LIST_LIMIT) {
            return String.join(", ", tags);
        }
        return String.join(", ", tags.subList(0, LIST_LIMIT)) + " and " + (tags.size() - LIST_LIMIT) + " more (--json lists all)";
    }

    private static String name(GitId id) {
        return id == null ? null : id.name();
    }

    private static String abbrev(GitId id) {
        return id == null ? "(unreadable)" : id.abbreviate(12);
    }

    private static String shortBranch(String ref) {
        return ref.startsWith("refs/heads/") ? ref.substring("refs/heads/".length()) : ref;
    }

    private static String shortRef(String ref) {
        return ref.startsWith("refs/remotes/") ? ref.substring("refs/remotes/".length()) : ref;
    }
}
