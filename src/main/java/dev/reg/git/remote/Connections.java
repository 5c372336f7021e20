package dev.reg.git.remote;

import dev.reg.git.remote.RemoteAccessException.Kind;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;
import org.eclipse.jgit.errors.NotSupportedException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.HttpConfig;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.TransportHttp;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.sshd.JGitKeyCache;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

/**
 * Opens JGit transports with the user's C git setup: ssh through Apache MINA sshd reading
 * {@code ~/.ssh/config}, {@code known_hosts}, identity files and the agent; HTTP(S) with git's
 * credential helpers and the {@code http.extraHeader} JGit reads from Git config itself. Turns
 * every transport failure into a {@link RemoteAccessException} whose message is free of secrets.
 */
final class Connections implements AutoCloseable {
    private final RemoteSettings settings;
    private final Secrets secrets = new Secrets();
    private final GitCredentialHelper credentials;
    private SharedSshSessions ssh;

    private final Optional<Config> userConfig;

    Connections(RemoteSettings settings, Optional<Path> workDir, Optional<Config> config) {
        this.settings = settings;
        this.credentials = new GitCredentialHelper(workDir, settings.environment(), secrets);
        this.userConfig = config;
        config.ifPresent(this::rememberExtraHeaders);
    }

    Secrets secrets() {
        return secrets;
    }

    GitCredentialHelper credentials() {
        return credentials;
    }

    static URIish parse(String url) {
        try {
            return new URIish(url);
        } catch (URISyntaxException e) {
            throw new dev.reg.BadInputException("not a Git URL: " + RemoteTarget.redact(url));
        }
    }

    /**
     * A transport to {@code url} for {@code local} (null: no local repository, ls-remote only).
     * {@code local} may be a scratch repository (reads without a clone): the user's repository's
     * {@code http.extraHeader} still applies then, held in memory, never written to the scratch config.
     */
    Transport open(Repository local, String url) {
        URIish uri = parse(url);
        secrets.add(uri.getPass());
        if (uri.getScheme() != null && uri.getScheme().toLowerCase(Locale.ROOT).startsWith("http")) {
            secrets.add(uri.getUser());
        }
        try {
            Transport t = local == null ? Transport.open(uri) : Transport.open(local, uri);
            if (t instanceof SshTransport st) {
                st.setSshSessionFactory(ssh());
                // ssh asks no one anything: keys, agent and known_hosts decide, as with BatchMode
                t.setCredentialsProvider(NO_PROMPTS);
            } else {
                t.setCredentialsProvider(credentials);
            }
            if (t instanceof TransportHttp http && userConfig.isPresent() && (local == null || local.getConfig() != userConfig.get())) {
                http.setAdditionalHeaders(extraHeaders(userConfig.get(), uri));
            }
            t.setTimeout(settings.timeoutSeconds());
            return t;
        } catch (NotSupportedException e) {
            throw new RemoteAccessException(Kind.PROTOCOL, "reg cannot talk to " + RemoteTarget.redact(url)
                    + ": unsupported protocol (use ssh://, git@host:path, https://, http://, git:// or a path)");
        } catch (org.eclipse.jgit.errors.TransportException e) {
            throw classify(url, e);
        }
    }

    /** One ssh session per user, host and port for all of this command's connections (see {@link SharedSshSessions}). */
    synchronized SharedSshSessions ssh() {
        if (ssh == null) {
            ssh = new SharedSshSessions(new SshdSessionFactoryBuilder()
                    .setHomeDirectory(settings.home().toFile())
                    .setSshDirectory(settings.sshDirectory().toFile())
                    .setPreferredAuthentications("publickey")
                    .setConnectorFactory(new UnixAgentConnectorFactory(settings.agentSocket()))
                    .build(new JGitKeyCache()));
        }
        return ssh;
    }

    /** actions/checkout leaves {@code http.<url>.extraheader = AUTHORIZATION: basic …}; its value is a secret. */
    private void rememberExtraHeaders(Config config) {
        for (String v : config.getStringList("http", null, "extraHeader")) {
            secrets.add(headerValue(v));
        }
        for (String sub : config.getSubsections("http")) {
            for (String v : config.getStringList("http", sub, "extraHeader")) {
                secrets.add(headerValue(v));
            }
        }
    }

    /** The extra headers C git would send to {@code uri} from {@code config}, as JGit reads them. */
    private static java.util.Map<String, String> extraHeaders(Config config, URIish uri) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String h : new HttpConfig(config, uri).getExtraHeaders()) {
            int colon = h.indexOf(':');
            if (colon > 0) {
                out.put(h.substring(0, colon).trim(), h.substring(colon + 1).trim());
            }
        }
        return out;
    }

    private static String headerValue(String header) {
        int colon = header.indexOf(':');
        String value = colon < 0 ? header : header.substring(colon + 1).trim();
        int sp = value.indexOf(' ');
        return sp > 0 ? value.substring(sp + 1).trim() : value; // "basic <token>": the token is the secret
    }

    /** What went wrong talking to {@code url}, as a typed error with a message a user can act on. */
    RemoteAccessException classify(String url, Exception e) {
        String where = RemoteTarget.redact(url);
        String detail = secrets.scrub(detail(e, url));
        boolean ssh = isSsh(url);
        String said = secrets.scrub(allMessages(e)).toLowerCase(Locale.ROOT);
        if (has(e, NoRemoteRepositoryException.class) || said.contains("no such repository") || said.contains("repository not found")
                || said.contains("does not appear to be a git repository") || said.contains("not exported")) {
            return new RemoteAccessException(Kind.NO_REPOSITORY, "no Git repository at " + where
                    + " (or no access to it); check the URL" + (ssh ? " and that your key may read it" : ""));
        }
        String all = said;
        if (all.contains("server key did not validate") || all.contains("remote host identification has changed")) {
            return new RemoteAccessException(Kind.HOST_KEY, "the ssh host key of " + hostPort(url) + " is not in "
                    + settings.sshDirectory().resolve("known_hosts") + " (or does not match it); reg never accepts an unknown"
                    + " host key: check the server's fingerprint, then add it (e.g. connect once with ssh, or ssh-keyscan"
                    + " into known_hosts)");
        }
        if (all.contains("not authorized") || all.contains("authentication is required") || all.contains("no more authentication")
                || all.contains("auth fail") || all.contains("authentication not supported") || all.contains("permission denied")
                || all.contains("no credentialsprovider")) {
            if (ssh) {
                return new RemoteAccessException(Kind.AUTHENTICATION, "ssh authentication to " + hostPort(url)
                        + " failed: no key from " + settings.sshDirectory() + " (identity files, IdentityFile in config) or the ssh"
                        + " agent was accepted for " + userOf(url));
            }
            return new RemoteAccessException(Kind.AUTHENTICATION, "authentication to " + where + " failed: "
                    + credentials.lastError().map(m -> m + "; ").orElse("the server refused the credentials; ")
                    + "configure a git credential helper (git config credential.helper …) or, in CI, http.extraHeader");
        }
        if (has(e, ConnectException.class) || has(e, UnknownHostException.class) || has(e, NoRouteToHostException.class)
                || all.contains("connection refused") || all.contains("unknownhost") || all.contains("cannot connect")
                || all.contains("connection failed") && !all.contains("reset")) {
            return new RemoteAccessException(Kind.UNREACHABLE, "cannot reach " + where + ": " + detail);
        }
        if (has(e, EOFException.class) || has(e, SocketException.class) || has(e, InterruptedIOException.class)
                || all.contains("end of stream") || all.contains("eof") || all.contains("broken pipe") || all.contains("reset")
                || all.contains("closed") || all.contains("timed out") || all.contains("timeout") || all.contains("hung up")) {
            return new RemoteAccessException(Kind.CONNECTION_LOST, "the connection to " + where + " was lost: " + detail);
        }
        return new RemoteAccessException(Kind.PROTOCOL, where + ": " + detail);
    }

    private static boolean isSsh(String url) {
        try {
            URIish u = new URIish(url);
            String s = u.getScheme();
            return s != null ? s.toLowerCase(Locale.ROOT).contains("ssh") : u.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String hostPort(String url) {
        URIish u = parse(url);
        return u.getPort() > 0 ? "[" + u.getHost() + "]:" + u.getPort() : u.getHost();
    }

    private static String userOf(String url) {
        URIish u = parse(url);
        return u.getUser() != null ? u.getUser() : "the user in ssh config (or " + System.getProperty("user.name") + ")";
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            for (Throwable s : t.getSuppressed()) {
                if (type.isInstance(s)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String allMessages(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append('\n');
            for (Throwable s : t.getSuppressed()) {
                sb.append(s.getClass().getSimpleName()).append(": ").append(s.getMessage()).append('\n');
            }
        }
        return sb.toString();
    }

    /** The most specific message in the chain, without JGit's "url: " prefix (the caller names the remote). */
    private static String detail(Throwable e, String url) {
        String msg = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                msg = t.getMessage();
            }
        }
        if (msg == null) {
            return e.getClass().getSimpleName();
        }
        URIish u = parse(url);
        for (String form : new String[] {u.toPrivateString(), u.toString(), url}) {
            if (msg.startsWith(form + ": ")) {
                msg = msg.substring(form.length() + 2);
            }
            msg = msg.replace(form, RemoteTarget.redact(url));
        }
        return msg.strip();
    }

    @Override
    public void close() {
        if (ssh != null) {
            ssh.close();
        }
    }

    /** Refuses every question (host key confirmations, passphrases): reg never prompts inside ssh. */
    private static final CredentialsProvider NO_PROMPTS = new CredentialsProvider() {
        @Override
        public boolean isInteractive() {
            return false;
        }

        @Override
        public boolean supports(CredentialItem... items) {
            return false;
        }

        @Override
        public boolean get(URIish uri, CredentialItem... items) {
            return false;
        }
    };
}
