package dev.reg.git.remote;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.RemoteSession;
import org.eclipse.jgit.transport.RemoteSession2;
import org.eclipse.jgit.transport.SshSessionFactory;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.sshd.SshdSession;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.util.FS;

/**
 * ssh sessions kept open for the rest of one reg command, one per user, host and port, shared by
 * every connection the command makes: an ls-remote, the fetches of a read, a push, a listing on a
 * thread of its own each run their own channel in the same session, as OpenSSH's connection
 * sharing would. JGit opens and closes a session per transport; each cost a key exchange and a
 * public-key login (about 250 ms against a local sshd, more over a real network), and a remote
 * read makes three to six connections. A session that can no longer start a command (the server
 * closed it) is replaced by a new login, once. {@link #close} ends them all.
 */
final class SharedSshSessions extends SshSessionFactory implements AutoCloseable {
    private final SshdSessionFactory sessions;
    private final Map<String, Shared> open = new HashMap<>();
    private final List<SshdSession> made = new ArrayList<>();

    SharedSshSessions(SshdSessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public synchronized RemoteSession getSession(URIish uri, CredentialsProvider credentials, FS fs, int timeoutMillis)
            throws TransportException {
        String key = (uri.getUser() == null ? "" : uri.getUser()) + "@" + uri.getHost() + ":" + uri.getPort();
        Shared shared = open.get(key);
        if (shared == null) {
            shared = new Shared(uri, credentials, fs, timeoutMillis);
            shared.login();
            open.put(key, shared);
        }
        return shared;
    }

    /** Kept open for the command's next connection; {@link #close} ends it. */
    @Override
    public void releaseSession(RemoteSession session) {
    }

    @Override
    public String getType() {
        return sessions.getType();
    }

    /** Logins made so far: one per user, host and port, and one more for each session the server closed. */
    synchronized int logins() {
        return made.size();
    }

    @Override
    public void close() {
        List<SshdSession> all;
        synchronized (this) {
            all = List.copyOf(made);
            made.clear();
            open.clear();
        }
        for (SshdSession s : all) {
            quietlyEnd(s);
        }
        sessions.close();
    }

    /** Ends {@code s}; one the server already closed has nothing left to end (JGit's disconnect then fails on its stopped client). */
    private static void quietlyEnd(SshdSession s) {
        try {
            s.disconnect();
        } catch (RuntimeException alreadyClosed) {
            // nothing left to release
        }
    }

    /** The session of one user, host and port, logged in again when the server closed it. */
    private final class Shared implements RemoteSession2 {
        private final URIish uri;
        private final CredentialsProvider credentials;
        private final FS fs;
        private final int timeoutMillis;
        private SshdSession session;

        Shared(URIish uri, CredentialsProvider credentials, FS fs, int timeoutMillis) {
            this.uri = uri;
            this.credentials = credentials;
            this.fs = fs;
            this.timeoutMillis = timeoutMillis;
        }

        private SshdSession login() throws TransportException {
            synchronized (SharedSshSessions.this) {
                SshdSession s = sessions.getSession(uri, credentials, fs, timeoutMillis);
                made.add(s);
                session = s;
                return s;
            }
        }

        private SshdSession current() {
            synchronized (SharedSshSessions.this) {
                return session;
            }
        }

        @Override
        public Process exec(String command, int timeout) throws IOException {
            return exec(command, Map.of(), timeout);
        }

        @Override
        public Process exec(String command, Map<String, String> environment, int timeout) throws IOException {
            SshdSession s = current();
            try {
                return s.exec(command, environment, timeout);
            } catch (IOException | RuntimeException e) {
                // a session the server closed (idle, restarted) fails at once: log in again, once, and run the command there
                SshdSession fresh;
                try {
                    fresh = current() != s ? current() : login();
                } catch (TransportException again) {
                    again.addSuppressed(e);
                    throw again;
                }
                quietlyEnd(s);
                return fresh.exec(command, environment, timeout);
            }
        }

        @Override
        public org.eclipse.jgit.transport.FtpChannel getFtpChannel() {
            return current().getFtpChannel();
        }

        @Override
        public void disconnect() {
            // shared: ended by SharedSshSessions.close
        }
    }
}
