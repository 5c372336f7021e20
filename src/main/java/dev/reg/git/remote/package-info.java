/**
 * reg's remotes, on JGit only: {@link dev.reg.git.remote.Remotes} opens a remote by name or URL
 * with the user's C git setup ({@link dev.reg.git.remote.RemoteSettings}: ssh config, keys, agent
 * and known_hosts through Apache MINA sshd; git credential helpers and {@code http.extraHeader}
 * for HTTP) and offers the primitives the team commands are built on: an ls-remote snapshot
 * ({@link dev.reg.git.remote.RemoteRefs}), fetching a branch and reg's tags without overwriting a
 * local tag ({@link dev.reg.git.remote.FetchResult}, {@link dev.reg.git.remote.TagComparison}),
 * an atomic push with a create-only fallback for servers without atomic pushes
 * ({@link dev.reg.git.remote.PushRequest}, {@link dev.reg.git.remote.PushOutcome}), and reading
 * files at a remote ref without a clone ({@link dev.reg.git.remote.RemoteTree}). Results are typed;
 * nothing here prints, and no credential reaches a message, a log or a file.
 */
package dev.reg.git.remote;
