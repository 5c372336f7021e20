package dev.reg.git;

import java.util.List;

/** What a published change created. */
public record CommitResult(GitId commit, String branch, List<String> tags) {
}
