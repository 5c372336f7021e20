package dev.reg.git.remote;

import dev.reg.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.errors.NotSupportedException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.FetchConnection;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteConfig;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;

/**
 * reg's access to remotes: ls-remote snapshots, fetching a branch and reg's tags, atomic pushes
 * and reading files at a remote ref without a clone. One instance serves one command (it caches
 * the credentials a helper gave, and the ssh client); close it when done. Results are typed and
 * nothing is printed.
 */
public final class Remotes implements AutoCloseable {
    private final Repository repo;
    private final RemoteSettings settings;
    private final Connections connections;

    private Remotes(Repository repo, RemoteSettings settings) {
        this.repo = repo;
        this.settings = settings;
        this.connections = new Connections(settings,
                repo == null ? Optional.empty() : Optional.of(repo.isBare() ? repo.getDirectory().toPath() : repo.getWorkTree().toPath()),
                repo == null ? Optional.empty() : Optional.of(repo.getConfig()));
    }

    /** Remotes of the repository containing {@code dir}, with the user's own ssh and credential setup. */
    public static Remotes open(Path dir) {
        return open(dir, RemoteSettings.fromSystem());
    }

    public static Remotes open(Path dir, RemoteSettings settings) {
        FileRepositoryBuilder b = new FileRepositoryBuilder().findGitDir(dir.toAbsolutePath().toFile());
        if (b.getGitDir() == null) {
            throw new BadInputException("not in a Git repository: " + dir.toAbsolutePath());
        }
        try {
            return new Remotes(b.setMustExist(true).build(), settings);
        } catch (IOException e) {
            throw new BadInputException("cannot open the Git repository at " + b.getGitDir() + ": " + e.getMessage());
        }
    }

    /** For reads by URL with no local repository ({@code reg show --remote URL} outside a clone). */
    public static Remotes withoutRepository(RemoteSettings settings) {
        return new Remotes(null, settings);
    }

    RemoteSettings settings() {
        return settings;
    }

    Connections connections() {
        return connections;
    }

    Repository repository() {
        if (repo == null) {
            throw new IllegalStateException("this operation needs a local repository");
        }
        return repo;
    }

    /**
     * The remote called {@code nameOrUrl} in the repository's config ({@code remote.<name>.url},
     * {@code pushurl} for pushes, {@code insteadOf} rewrites applied), or {@code nameOrUrl} itself
     * when it is a URL or a path.
     */
    public RemoteTarget resolve(String nameOrUrl) {
        if (nameOrUrl == null || nameOrUrl.isBlank()) {
            throw new BadInputException("no remote given (a remote name such as origin, or a URL)");
        }
        if (repo != null && repo.getConfig().getSubsections("remote").contains(nameOrUrl)) {
            try {
                RemoteConfig rc = new RemoteConfig(repo.getConfig(), nameOrUrl);
                if (rc.getURIs().isEmpty()) {
                    throw new BadInputException("remote '" + nameOrUrl + "' has no url in the Git config (git remote set-url "
                            + nameOrUrl + " URL)");
                }
                String fetch = rc.getURIs().get(0).toPrivateString();
                String[] pushUrls = repo.getConfig().getStringList("remote", nameOrUrl, "pushurl");
                String push = pushUrls.length > 0 ? insteadOf(repo.getConfig(), pushUrls[0])
                        : rc.getPushURIs().isEmpty() ? fetch : rc.getPushURIs().get(0).toPrivateString();
                return new RemoteTarget(Optional.of(nameOrUrl), fetch, push,
                        rc.getFetchRefSpecs().stream().map(RefSpec::toString).toList());
            } catch (URISyntaxException e) {
                throw new BadInputException("remote '" + nameOrUrl + "' has a URL Git cannot parse in the Git config");
            }
        }
        if (nameOrUrl.contains(":") || nameOrUrl.contains("/") || nameOrUrl.contains("\\")) {
            URIish u = Connections.parse(nameOrUrl);
            return new RemoteTarget(Optional.empty(), u.toPrivateString(), u.toPrivateString(), List.of());
        }
        throw new BadInputException("no remote named '" + nameOrUrl + "'" + (repo == null ? "" : " in " + repo.getDirectory())
                + " ('git remote -v' lists them), and it is not a URL");
    }

    /**
     * {@code url} after {@code url.<base>.insteadOf} (longest match), which C git applies to an
     * explicit {@code pushurl} too and JGit's RemoteConfig does not.
     */
    private static String insteadOf(org.eclipse.jgit.lib.Config config, String url) {
        String best = null;
        String base = null;
        for (String b : config.getSubsections("url")) {
            for (String prefix : config.getStringList("url", b, "insteadOf")) {
                if (url.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
                    best = prefix;
                    base = b;
                }
            }
        }
        return best == null ? url : base + url.substring(best.length());
    }

    /**
     * The remote's refs, from the ref advertisement alone (no objects are downloaded). With
     * {@code prefixes} ({@code refs/tags/prompt/x@}, {@code refs/heads/main}) only matching refs are
     * kept, and a protocol v2 server sends only those.
     */
    public RemoteRefs lsRemote(RemoteTarget remote, String... prefixes) {
        List<String> wanted = Arrays.asList(prefixes);
        RefTable refs = listRefs(repo, remote.fetchUrl(), wanted).refs();
        TreeMap<String, RemoteRef> out = new TreeMap<>();
        for (int i = 0; i < refs.size(); i++) {
            if (wanted.isEmpty() || wanted.stream().anyMatch(refs.name(i)::startsWith)) {
                out.put(refs.name(i), refs.ref(i));
            }
        }
        return new RemoteRefs(remote.label(), out);
    }

    /**
     * One ls-remote of {@code prefixes} (every ref when none) at {@code url}, connected for
     * {@code local} (null: for no repository, as a read without a clone is): read off the wire for
     * {@code git://} and ssh ({@link WireRefListing}), through JGit otherwise (HTTP, a local path)
     * and whenever the wire reading meets something unexpected, so JGit words every error.
     */
    RefAdvertisement listRefs(Repository local, String url, List<String> prefixes) {
        try (Transport t = connections.open(local, url)) {
            Optional<RefAdvertisement> read = WireRefListing.supports(t) ? WireRefListing.list(t, prefixes) : Optional.empty();
            RefAdvertisement refs = read.isPresent() ? read.get() : listThroughJGit(t, prefixes);
            connections.credentials().approve();
            return refs;
        } catch (IOException e) {
            throw connections.classify(url, e);
        }
    }

    private RefAdvertisement listThroughJGit(Transport t, List<String> prefixes) throws TransportException, NotSupportedException {
        try (FetchConnection c = t.openFetch(List.of(), prefixes.toArray(String[]::new))) {
            boolean everything = false;
            RefTable.Builder got = new RefTable.Builder();
            for (Ref r : c.getRefs()) {
                String name = r.getName();
                if (!name.startsWith(Constants.R_REFS) || r.isSymbolic() || r.getObjectId() == null) {
                    continue; // HEAD is read by fetching it
                }
                // a branch may come with HEAD; a tag outside the prefixes means the server sent all its refs (protocol v0)
                everything |= !prefixes.isEmpty() && !name.startsWith(Constants.R_HEADS) && prefixes.stream().noneMatch(name::startsWith);
                got.add(new RemoteRef(name, r.getObjectId(), r.getPeeledObjectId()));
            }
            return new RefAdvertisement(got.build(), everything);
        }
    }

    /**
     * Fetches {@code branch} and every reg tag the remote has. The branch tip goes to the
     * remote-tracking ref (for a configured remote); tags new here are created locally; a local tag
     * whose object differs from the remote's is left as it is and reported in the result.
     */
    public FetchResult fetch(RemoteTarget remote, String branch) {
        return new RemoteFetch(this).fetch(remote, branch);
    }

    /**
     * The remote's {@code branch} and reg tags, with their objects brought here when missing and no
     * local ref created or moved (only {@code FETCH_HEAD} is written): the state a change for the
     * remote is built on, before anything local may change.
     */
    public RemoteRefs snapshotWithObjects(RemoteTarget remote, String branch) {
        return new RemoteFetch(this).snapshot(remote, branch);
    }

    /**
     * {@code reg verify --remote}: local reg tags against the remote's, and the remote's version
     * tags that are not reachable from its {@code branch} (objects missing here are fetched, no ref
     * is written).
     */
    public RemoteTagReport checkTags(RemoteTarget remote, String branch) {
        return new RemoteTagCheck(this).check(remote, branch);
    }

    /** The branch checked out in the local repository ({@code main}); empty on a detached HEAD. */
    public Optional<String> currentBranch() {
        try {
            String full = repository().getFullBranch();
            return full != null && full.startsWith(Constants.R_HEADS) ? Optional.of(full.substring(Constants.R_HEADS.length()))
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Local reg tags against the remote's. Give it a snapshot of all the remote's tags
     * ({@code lsRemote(remote)} or {@code lsRemote(remote, "refs/tags/")}), or "only local" means little.
     */
    public TagComparison compareTags(RemoteRefs remote) {
        try {
            Map<String, Ref> local = localRegTags();
            Map<String, RemoteRef> theirs = remote.regTags();
            List<TagComparison.Difference> differing = new ArrayList<>();
            List<String> onlyLocal = new ArrayList<>();
            List<String> onlyRemote = new ArrayList<>();
            int same = 0;
            for (Map.Entry<String, Ref> e : local.entrySet()) {
                RemoteRef r = theirs.get(e.getKey());
                if (r == null) {
                    onlyLocal.add(shortTag(e.getKey()));
                } else if (r.id().equals(e.getValue().getObjectId())) {
                    same++;
                } else {
                    differing.add(new TagComparison.Difference(shortTag(e.getKey()), e.getValue().getObjectId().copy(),
                            peel(e.getValue()), r.id(), r.target()));
                }
            }
            for (String name : theirs.keySet()) {
                if (!local.containsKey(name)) {
                    onlyRemote.add(shortTag(name));
                }
            }
            return new TagComparison(differing, onlyLocal, onlyRemote, same);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The local repository's reg tags by full name, from one scan of the ref database. */
    Map<String, Ref> localRegTags() throws IOException {
        Map<String, Ref> local = new LinkedHashMap<>();
        for (Ref r : repository().getRefDatabase().getRefsByPrefix(RegTags.PREFIX)) {
            if (RegTags.isRegTag(r.getName())) {
                local.put(r.getName(), r);
            }
        }
        return local;
    }

    private ObjectId peel(Ref ref) throws IOException {
        Ref p = ref.isPeeled() ? ref : repository().getRefDatabase().peel(ref);
        ObjectId id = p.getPeeledObjectId() != null ? p.getPeeledObjectId() : p.getObjectId();
        return id == null ? null : id.copy();
    }

    static String shortTag(String refName) {
        return refName.startsWith(RegTags.PREFIX) ? refName.substring(RegTags.PREFIX.length()) : refName;
    }

    /**
     * Publishes {@code request} on the remote in one atomic push: the branch update expects
     * {@code expectedRemoteTip}, every tag expects to be absent. A server without atomic pushes gets
     * tags first, then the branch, each create-only (said so in the outcome's mode). No local ref is
     * changed except, on acceptance, the remote-tracking ref of a configured remote.
     */
    public PushOutcome atomicPush(RemoteTarget remote, PushRequest request) {
        return new RemotePush(this).push(remote, request);
    }

    /**
     * The tree at {@code ref} ({@code refs/tags/prompt/x@1.2.0}, {@code refs/heads/main}) of the
     * remote, fetched into a temporary repository with as few objects as the server allows: the
     * commit and its trees, then only the blobs read. Empty when the remote has no such ref.
     */
    public Optional<RemoteTree> openTree(RemoteTarget remote, String ref) {
        return RemoteTree.open(this, remote, ref, RemoteTree.Fetch.BLOBLESS);
    }

    /** As {@link #openTree(RemoteTarget, String)}, choosing how the objects are fetched (for measurements). */
    public Optional<RemoteTree> openTree(RemoteTarget remote, String ref, RemoteTree.Fetch how) {
        return RemoteTree.open(this, remote, ref, how);
    }

    @Override
    public void close() {
        connections.close();
        if (repo != null) {
            repo.close();
        }
    }
}
