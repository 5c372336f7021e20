package dev.reg.git;

import java.io.File;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;
import org.eclipse.jgit.treewalk.WorkingTreeOptions;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.FS_POSIX;

/**
 * A work-tree iterator that looks only at the given paths and the folders leading to them. JGit's
 * {@link FileTreeIterator} reads every entry of each folder it enters (a stat per entry) before a
 * path filter drops them: asking for one artifact's folder in a registry of 2,000 artifacts cost
 * two stats of 2,000 folders, most of a {@code reg show} (issue 14). Here the listing of a folder
 * keeps only the entries on the way to, or inside, a wanted path; {@code .gitignore} and
 * {@code .gitattributes} are always kept, so ignore and attribute rules read as before. A walk must
 * still filter to the same paths (it does not see what is left out).
 */
final class ScopedWorkTree {
    private ScopedWorkTree() {
    }

    /** The work tree of {@code repo} as a walk over {@code scope} sees it; the whole work tree when the scope is empty. */
    static FileTreeIterator iterator(Repository repo, Collection<String> scope) {
        FS fs = repo.getFS();
        if (scope.isEmpty() || !(fs instanceof FS_POSIX)) {
            return new FileTreeIterator(repo);
        }
        return new Root(repo, new ScopedFs(fs, repo.getWorkTree(), scope));
    }

    /** True when the entry at {@code path} leads to, or lies in, one of {@code scope}. */
    static boolean inScope(String path, Collection<String> scope) {
        for (String s : scope) {
            if (s.equals(path) || s.startsWith(path + "/") || path.startsWith(s + "/")) {
                return true;
            }
        }
        return false;
    }

    private static final class Root extends FileTreeIterator {
        Root(Repository repo, FS fs) {
            super(repo.getWorkTree(), fs, repo.getConfig().get(WorkingTreeOptions.KEY),
                    repo.getConfig().get(WorkingTreeOptions.KEY).isDirNoGitLinks() ? NoGitlinksStrategy.INSTANCE
                            : DefaultFileModeStrategy.INSTANCE);
            initRootIterator(repo);
        }
    }

    /** The repository's file system, listing folders through the scope (subtree iterators inherit it). */
    private static final class ScopedFs extends FS_POSIX {
        private final String root;
        private final List<String> scope;

        ScopedFs(FS base, File workTree, Collection<String> scope) {
            super(base);
            this.root = workTree.getAbsolutePath();
            this.scope = List.copyOf(scope);
        }

        @Override
        public FS newInstance() {
            return new ScopedFs(this, new File(root), scope);
        }

        @Override
        public WorkingTreeIterator.Entry[] list(File directory, FileTreeIterator.FileModeStrategy strategy) {
            String[] names = directory.list();
            if (names == null) {
                return new WorkingTreeIterator.Entry[0];
            }
            String dir = directory.getAbsolutePath();
            String rel = dir.length() <= root.length() ? "" : dir.substring(root.length() + 1).replace(File.separatorChar, '/');
            List<WorkingTreeIterator.Entry> kept = new ArrayList<>();
            for (String name : names) {
                String path = rel.isEmpty() ? name : rel + "/" + name;
                if (name.equals(".gitignore") || name.equals(".gitattributes") || inScope(path, scope)) {
                    kept.add(new FileTreeIterator.FileEntry(new File(directory, name), this, strategy));
                }
            }
            return kept.toArray(WorkingTreeIterator.Entry[]::new);
        }
    }
}
