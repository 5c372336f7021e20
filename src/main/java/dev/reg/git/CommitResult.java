package dev.reg.git;

import java.util.List;
import org.eclipse.jgit.lib.ObjectId;

/** What a published change created. */
public record CommitResult(ObjectId commit, String branch, List<String> tags) {
}
