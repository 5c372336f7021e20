package dev.reg.git.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reg.testing.GitCli;
import dev.reg.testing.TestEnv;
import dev.reg.testing.servers.GitServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TagBuilder;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * A client's clone for remote tests: made with C git through the server, plus commits and tag
 * objects written without any ref pointing at them (what reg holds before the remote accepted).
 */
final class LocalRepo {
    final Path dir;

    private LocalRepo(Path dir) {
        this.dir = dir;
    }

    static LocalRepo cloneOf(GitServer server, String repo, Path dir) {
        GitCli.Result r = GitCli.run(dir.getParent(), server.clientEnvironment(), "clone", "-q", server.url(repo), dir.toString());
        assertEquals(0, r.exit(), "git clone: " + r.err());
        return new LocalRepo(dir);
    }

    static LocalRepo at(Path dir) {
        return new LocalRepo(dir);
    }

    /**
     * Repository reg.git on the server with two commits of prompt/x, tagged {@code prompt/x@1.0.0}
     * and {@code prompt/x@1.1.0} (annotated), the second also with {@code moreTags}; returns the
     * clone at {@code dir} that published them.
     */
    static LocalRepo publishTwoVersions(GitServer server, Path dir, String... moreTags) {
        server.createRepo("reg.git");
        LocalRepo publisher = cloneOf(server, "reg.git", dir);
        publisher.commitAndPush(server, "registry/prompts/x/artifact.yaml", "version: 1.0.0\n", "prompt/x@1.0.0");
        String[] tags = new String[1 + moreTags.length];
        tags[0] = "prompt/x@1.1.0";
        System.arraycopy(moreTags, 0, tags, 1, moreTags.length);
        publisher.commitAndPush(server, "registry/prompts/x/artifact.yaml", "version: 1.1.0\n", tags);
        return publisher;
    }

    /** Commits {@code path} with {@code content} through C git and pushes main (and the given tags) to the server. */
    String commitAndPush(GitServer server, String path, String content, String... tags) {
        write(path, content);
        GitCli.ok(dir, "add", path);
        GitCli.ok(dir, "commit", "-q", "-m", "change " + path);
        for (String t : tags) {
            GitCli.ok(dir, "tag", "-a", t, "-m", "tag " + t);
        }
        String[] args = new String[3 + tags.length];
        args[0] = "push";
        args[1] = "origin";
        args[2] = "main";
        System.arraycopy(tags, 0, args, 3, tags.length);
        GitCli.Result r = GitCli.run(dir, server.clientEnvironment(), args);
        assertEquals(0, r.exit(), "git push: " + r.err());
        return head();
    }

    void write(String path, String content) {
        try {
            java.nio.file.Files.createDirectories(dir.resolve(path).getParent());
            java.nio.file.Files.writeString(dir.resolve(path), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String head() {
        return GitCli.ok(dir, "rev-parse", "HEAD").strip();
    }

    ObjectId headId() {
        return ObjectId.fromString(head());
    }

    /** A commit on top of {@code parent} adding or replacing {@code path}; no ref is moved. */
    ObjectId commitObject(ObjectId parent, String path, byte[] content, String message) {
        try (Repository repo = open(); ObjectInserter ins = repo.newObjectInserter(); ObjectReader reader = repo.newObjectReader();
                RevWalk rw = new RevWalk(reader)) {
            DirCache dc = DirCache.newInCore();
            DirCacheBuilder b = dc.builder();
            if (parent != null) {
                b.addTree(new byte[0], 0, reader, rw.parseCommit(parent).getTree());
            }
            b.finish();
            ObjectId blob = ins.insert(Constants.OBJ_BLOB, content);
            DirCacheEditor ed = dc.editor();
            ed.add(new DirCacheEditor.PathEdit(path) {
                @Override
                public void apply(DirCacheEntry ent) {
                    ent.setFileMode(FileMode.REGULAR_FILE);
                    ent.setObjectId(blob);
                }
            });
            ed.finish();
            CommitBuilder cb = new CommitBuilder();
            cb.setTreeId(dc.writeTree(ins));
            if (parent != null) {
                cb.setParentId(parent);
            }
            PersonIdent me = new PersonIdent(TestEnv.USER_NAME, TestEnv.USER_EMAIL);
            cb.setAuthor(me);
            cb.setCommitter(me);
            cb.setMessage(message + "\n");
            ObjectId id = ins.insert(cb);
            ins.flush();
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An annotated tag object {@code name} on {@code commit}; no ref is created. */
    ObjectId tagObject(String name, ObjectId commit, String message) {
        try (Repository repo = open(); ObjectInserter ins = repo.newObjectInserter()) {
            TagBuilder t = new TagBuilder();
            t.setTag(name);
            t.setObjectId(commit, Constants.OBJ_COMMIT);
            t.setTagger(new PersonIdent(TestEnv.USER_NAME, TestEnv.USER_EMAIL));
            t.setMessage(message + "\n");
            ObjectId id = ins.insert(t);
            ins.flush();
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Repository open() throws IOException {
        return new FileRepositoryBuilder().setGitDir(dir.resolve(".git").toFile()).setMustExist(true).build();
    }

    /** Every ref and HEAD with what it names: compared before and after to show nothing local changed. */
    Map<String, String> refs() {
        Map<String, String> out = new TreeMap<>();
        String format = "--format=%(refname) %(if)%(symref)%(then)-> %(symref)%(else)%(objectname)%(end)";
        for (String line : GitCli.ok(dir, "for-each-ref", format).split("\n")) {
            if (!line.isBlank()) {
                int sp = line.indexOf(' ');
                out.put(line.substring(0, sp), line.substring(sp + 1));
            }
        }
        out.put("HEAD", GitCli.ok(dir, "symbolic-ref", "HEAD").strip() + " " + head());
        return out;
    }

    /** C git's own view of a ref in a (bare) repository, or null when it does not exist. */
    static String refIn(Path gitDir, String ref) {
        GitCli.Result r = GitCli.run(gitDir, "rev-parse", "--verify", "-q", ref);
        return r.exit() == 0 ? r.out().strip() : null;
    }

    static void assertFsckClean(Path dir) {
        GitCli.Result r = GitCli.run(dir, "fsck", "--no-progress");
        assertEquals(0, r.exit(), "git fsck: " + r.err() + r.out());
    }
}
