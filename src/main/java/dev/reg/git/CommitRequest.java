package dev.reg.git;

import java.util.List;
import java.util.Map;

/**
 * One all-or-nothing registry change: the folders to commit as they stand in the work tree, the
 * files whose new content reg computed (written to the work tree only once the commit is
 * published), the commit message, and the tags published with it.
 *
 * @param expectedHead the commit HEAD pointed at when the change was planned (null: unborn branch);
 *     if HEAD moved since, the change is refused as a concurrent update
 * @param folders work-tree folders taken as they stand (tracked and non-ignored files)
 * @param writes repository paths and their new content, replacing the work-tree content
 * @param deletes repository paths removed from the commit and the work tree
 * @param copies repository paths set to blobs already in the object database (a folder restored
 *     from a tag); streamed to the work tree once published, so large files never sit in memory
 */
public record CommitRequest(GitId expectedHead, List<String> folders, Map<String, byte[]> writes, List<String> deletes,
        String message, List<TagSpec> tags, Map<String, TreeFile> copies) {
    public CommitRequest {
        folders = List.copyOf(folders);
        writes = Map.copyOf(writes);
        deletes = List.copyOf(deletes);
        tags = List.copyOf(tags);
        copies = Map.copyOf(copies);
    }

    public CommitRequest(GitId expectedHead, List<String> folders, Map<String, byte[]> writes, List<String> deletes,
            String message, List<TagSpec> tags) {
        this(expectedHead, folders, writes, deletes, message, tags, Map.of());
    }
}
