package dev.reg.git.remote;

import java.io.File;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.transport.sshd.agent.AbstractConnector;
import org.eclipse.jgit.transport.sshd.agent.Connector;
import org.eclipse.jgit.transport.sshd.agent.ConnectorFactory;

/**
 * Talks to an OpenSSH agent ({@code SSH_AUTH_SOCK}, or {@code IdentityAgent} in ssh config) over a
 * Unix domain socket with the JDK's own socket channels (Java 16+). JGit's
 * {@code org.eclipse.jgit.ssh.apache.agent} does the same through JNA, but is not published for
 * the JGit version reg uses; this is the small part of it reg needs (no Windows Pageant).
 */
final class UnixAgentConnectorFactory implements ConnectorFactory {
    private static final ConnectorDescriptor SSH_AUTH_SOCK = new ConnectorDescriptor() {
        @Override
        public String getIdentityAgent() {
            return "SSH_AUTH_SOCK";
        }

        @Override
        public String getDisplayName() {
            return "OpenSSH agent (SSH_AUTH_SOCK)";
        }
    };

    private final Optional<String> defaultSocket;

    UnixAgentConnectorFactory(Optional<String> defaultSocket) {
        this.defaultSocket = defaultSocket;
    }

    @Override
    public Connector create(String identityAgent, File homeDir) {
        Optional<String> socket = identityAgent == null || identityAgent.isEmpty() || "SSH_AUTH_SOCK".equals(identityAgent)
                ? defaultSocket
                : Optional.of(expandHome(identityAgent, homeDir));
        return new UnixSocketConnector(socket);
    }

    private static String expandHome(String path, File homeDir) {
        return path.startsWith("~/") && homeDir != null ? new File(homeDir, path.substring(2)).getPath() : path;
    }

    @Override
    public boolean isSupported() {
        return !System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }

    @Override
    public String getName() {
        return "reg-unix-agent";
    }

    @Override
    public Collection<ConnectorDescriptor> getSupportedConnectors() {
        return List.of(SSH_AUTH_SOCK);
    }

    @Override
    public ConnectorDescriptor getDefaultConnector() {
        return SSH_AUTH_SOCK;
    }

    /** One agent session: length-prefixed request, length-prefixed reply (draft-miller-ssh-agent). */
    private static final class UnixSocketConnector extends AbstractConnector {
        private final Optional<String> socket;
        private SocketChannel channel;

        UnixSocketConnector(Optional<String> socket) {
            this.socket = socket;
        }

        @Override
        public synchronized boolean connect() throws IOException {
            if (channel != null) {
                return true;
            }
            if (socket.isEmpty() || !new File(socket.get()).exists()) {
                return false; // no agent: like OpenSSH, just go on with identity files
            }
            SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                ch.connect(UnixDomainSocketAddress.of(socket.get()));
            } catch (IOException e) {
                ch.close();
                throw new IOException("cannot connect to the ssh agent at " + socket.get() + ": " + e.getMessage(), e);
            }
            channel = ch;
            return true;
        }

        @Override
        public synchronized byte[] rpc(byte command, byte[] message) throws IOException {
            if (channel == null) {
                throw new IllegalStateException("not connected to the ssh agent");
            }
            prepareMessage(command, message);
            ByteBuffer out = ByteBuffer.wrap(message);
            while (out.hasRemaining()) {
                channel.write(out);
            }
            ByteBuffer len = ByteBuffer.allocate(4);
            readFully(len);
            ByteBuffer payload = ByteBuffer.allocate(toLength(command, len.array()));
            readFully(payload);
            return payload.array();
        }

        private void readFully(ByteBuffer buf) throws IOException {
            while (buf.hasRemaining()) {
                if (channel.read(buf) < 0) {
                    throw new IOException("the ssh agent closed the connection mid-reply");
                }
            }
        }

        @Override
        public synchronized void close() throws IOException {
            if (channel != null) {
                channel.close();
                channel = null;
            }
        }
    }
}
