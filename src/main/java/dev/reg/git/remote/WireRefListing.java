package dev.reg.git.remote;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.transport.RemoteSession;
import org.eclipse.jgit.transport.RemoteSession2;
import org.eclipse.jgit.transport.SshSessionFactory;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.QuotedString;

/**
 * Protocol v2 {@code ls-refs} read straight off the wire, for {@code git://} and ssh. A registry's
 * overview lists every tag (100,000 on a large one); JGit's reader decodes each line through a
 * charset decoder, a fresh ASCII encoder per object id and a debug string, which made the listing
 * cost a second of CPU and most of the garbage collection of {@code reg show --remote}. Here a line
 * costs one String and its ids. The connection is made as JGit makes it (the same socket request,
 * or the same ssh session factory, keys, agent and {@code known_hosts}); only the reading differs.
 *
 * <p>A server that answers in protocol v0 (an sshd that does not pass {@code GIT_PROTOCOL}, an
 * old git) has its full advertisement read, as JGit reads it. Only the plain cases are read here:
 * no answer (no such repository), an {@code ERR} line, or anything unexpected yields
 * {@link Optional#empty()}, and the caller lists through JGit, which also words the errors.
 */
final class WireRefListing {
    private static final int GIT_PORT = 9418;
    private static final byte[] PEELED = "peeled:".getBytes(StandardCharsets.US_ASCII);

    private WireRefListing() {
    }


    /** Whether {@code t} is a transport this reader speaks ({@code git://}, ssh). */
    static boolean supports(Transport t) {
        return isGitDaemon(t) || t instanceof SshTransport;
    }

    private static boolean isGitDaemon(Transport t) {
        return "git".equalsIgnoreCase(t.getURI().getScheme());
    }

    /**
     * The refs under {@code prefixes} (all refs when none; HEAD and symbolic refs left out), by
     * name; empty when the server did not answer a plain protocol v2 ls-refs.
     *
     * @throws IOException when the connection could not be made or broke: the caller classifies it
     */
    static Optional<RefAdvertisement> list(Transport t, List<String> prefixes) throws IOException {
        int timeoutMs = t.getTimeout() > 0 ? t.getTimeout() * 1000 : 0;
        if (isGitDaemon(t)) {
            URIish uri = t.getURI();
            try (Socket s = new Socket()) {
                int port = uri.getPort() > 0 ? uri.getPort() : GIT_PORT;
                s.connect(new InetSocketAddress(uri.getHost(), port), timeoutMs);
                s.setSoTimeout(timeoutMs);
                OutputStream out = s.getOutputStream();
                String host = uri.getHost() + (uri.getPort() > 0 && uri.getPort() != GIT_PORT ? ":" + uri.getPort() : "");
                writePacket(out, "git-upload-pack " + uri.getPath() + "\0host=" + host + "\0\0version=2\0");
                out.flush();
                return exchange(s.getInputStream(), out, prefixes);
            }
        }
        SshTransport ssh = (SshTransport) t;
        SshSessionFactory factory = ssh.getSshSessionFactory();
        RemoteSession session = factory.getSession(t.getURI(), t.getCredentialsProvider(), FS.DETECTED, timeoutMs);
        try {
            if (!(session instanceof RemoteSession2 v2)) {
                return Optional.empty();
            }
            Process p = v2.exec(uploadPackCommand(t), Map.of("GIT_PROTOCOL", "version=2"), t.getTimeout());
            try (InputStream in = p.getInputStream(); OutputStream out = p.getOutputStream()) {
                return exchange(in, out, prefixes);
            } finally {
                p.destroy();
            }
        } finally {
            factory.releaseSession(session);
        }
    }

    /** As JGit's ssh transport words it: {@code git-upload-pack '/path'} ({@code ~user} paths unquoted at the front). */
    private static String uploadPackCommand(Transport t) {
        String path = t.getURI().getPath();
        if (t.getURI().getScheme() != null && path.startsWith("/~")) {
            path = path.substring(1);
        }
        return t.getOptionUploadPack() + " " + QuotedString.BOURNE.quote(path);
    }

    private static Optional<RefAdvertisement> exchange(InputStream raw, OutputStream out, List<String> prefixes) throws IOException {
        PacketReader in = new PacketReader(raw);
        if (!in.next() || in.flush()) {
            return Optional.empty(); // nothing (no such repository) or an empty v0 repository: JGit words it
        }
        if (!in.lineEquals("version 2")) {
            return readV0(in, out);
        }
        boolean lsRefs = false;
        boolean agent = false;
        while (in.next() && !in.flush()) {
            lsRefs |= in.lineEquals("ls-refs") || in.lineStartsWith("ls-refs=");
            agent |= in.lineStartsWith("agent=");
        }
        if (!lsRefs) {
            return Optional.empty();
        }
        writePacket(out, "command=ls-refs\n");
        if (agent) {
            writePacket(out, "agent=reg\n");
        }
        out.write("0001".getBytes(StandardCharsets.US_ASCII));
        writePacket(out, "peel\n");
        writePacket(out, "symrefs\n");
        for (String prefix : prefixes) {
            writePacket(out, "ref-prefix " + prefix + "\n");
        }
        out.write("0000".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        RefTable.Builder refs = new RefTable.Builder();
        while (in.next()) {
            if (in.flush()) {
                out.write("0000".getBytes(StandardCharsets.US_ASCII)); // the end of the session, as git says it
                out.flush();
                return Optional.of(new RefAdvertisement(refs.build(), false));
            }
            if (!in.addRef(refs, prefixes)) {
                return Optional.empty(); // an ERR line or a line that is no ref: JGit's reading reports it
            }
        }
        return Optional.empty();
    }

    /**
     * A protocol v0 advertisement (every ref, tags followed by their peeled {@code ^{}} lines, the
     * first line carrying the capabilities after a NUL), answered with a flush: nothing wanted.
     */
    private static Optional<RefAdvertisement> readV0(PacketReader in, OutputStream out) throws IOException {
        RefTable.Builder refs = new RefTable.Builder();
        String last = null;
        do {
            if (in.flush()) {
                out.write("0000".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return Optional.of(new RefAdvertisement(refs.build(), true));
            }
            String added = in.addV0Ref(refs, last);
            if (added == null) {
                return Optional.empty(); // ERR, or a line that is no ref: JGit's reading reports it
            }
            last = added.isEmpty() ? last : added;
        } while (in.next());
        return Optional.empty();
    }

    private static void writePacket(OutputStream out, String line) throws IOException {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        out.write(String.format("%04x", b.length + 4).getBytes(StandardCharsets.US_ASCII));
        out.write(b);
    }

    /** pkt-lines read into one reused buffer. */
    private static final class PacketReader {
        private final InputStream in;
        private final byte[] head = new byte[4];
        private byte[] buf = new byte[1024];
        private int len;
        private boolean flush;

        PacketReader(InputStream in) {
            this.in = new BufferedInputStream(in, 65536);
        }

        /** Reads the next packet; false at the end of the stream. */
        boolean next() throws IOException {
            if (!readFully(head, 4, true)) {
                return false;
            }
            int n = 0;
            for (byte b : head) {
                int d = Character.digit(b, 16);
                if (d < 0) {
                    throw new IOException("not a pkt-line length: " + new String(head, StandardCharsets.US_ASCII));
                }
                n = n * 16 + d;
            }
            flush = n == 0;
            if (n == 1 || n == 2) {
                throw new IOException("unexpected delimiter packet");
            }
            len = Math.max(0, n - 4);
            if (len > buf.length) {
                buf = new byte[len];
            }
            readFully(buf, len, false);
            if (len > 0 && buf[len - 1] == '\n') {
                len--;
            }
            return true;
        }

        private boolean readFully(byte[] b, int n, boolean endAllowed) throws IOException {
            int off = 0;
            while (off < n) {
                int r = in.read(b, off, n - off);
                if (r < 0) {
                    if (endAllowed && off == 0) {
                        return false;
                    }
                    throw new EOFException("the server closed the connection mid-packet");
                }
                off += r;
            }
            return true;
        }

        boolean flush() {
            return flush;
        }

        boolean lineEquals(String s) {
            return len == s.length() && lineStartsWith(s);
        }

        boolean lineStartsWith(String s) {
            if (len < s.length()) {
                return false;
            }
            for (int i = 0; i < s.length(); i++) {
                if (buf[i] != s.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Adds the ref on this line ({@code <oid> <name>[ symref-target:<t>][ peeled:<oid>]}) to
         * {@code refs}, unless it is HEAD, a symbolic ref (read by fetching it) or outside
         * {@code prefixes} (a server may take them as a hint only); false for a line that is no ref.
         */
        boolean addRef(RefTable.Builder refs, List<String> prefixes) {
            if (len < 42 || buf[40] != ' ' || !hex(0)) {
                return false;
            }
            int end = 41;
            while (end < len && buf[end] != ' ') {
                end++;
            }
            int peeled = -1;
            boolean symbolic = false;
            for (int a = end; a < len;) {
                int start = a + 1;
                int stop = start;
                while (stop < len && buf[stop] != ' ') {
                    stop++;
                }
                if (startsWith(start, PEELED) && stop - start == PEELED.length + 40) {
                    peeled = start + PEELED.length;
                    if (!hex(peeled)) {
                        return false;
                    }
                } else {
                    symbolic |= stop > start; // symref-target:…, the only other attribute ls-refs sends
                }
                a = stop;
            }
            String name = new String(buf, 41, end - 41, StandardCharsets.UTF_8);
            if (!symbolic && name.startsWith("refs/") && (prefixes.isEmpty() || prefixes.stream().anyMatch(name::startsWith))) {
                refs.addHex(name, buf, 0, peeled);
            }
            return true;
        }

        /**
         * Adds the ref on a v0 line ({@code <oid> <name>}, the first with {@code \0<capabilities>}),
         * or peels the ref added before it ({@code <oid> <name>^{}}). Returns the name added, ""
         * for a line that adds no ref (HEAD, a peeled line, an empty repository's
         * {@code capabilities^{}}), null for a line that is no ref.
         */
        String addV0Ref(RefTable.Builder refs, String last) {
            if (len < 42 || buf[40] != ' ' || !hex(0)) {
                return null;
            }
            int end = 41;
            while (end < len && buf[end] != 0) {
                end++;
            }
            String name = new String(buf, 41, end - 41, StandardCharsets.UTF_8);
            if (name.endsWith("^{}")) {
                if (last != null && name.length() == last.length() + 3 && name.startsWith(last)) {
                    refs.peelLast(buf, 0);
                }
                return "";
            }
            if (!name.startsWith("refs/")) {
                return "";
            }
            refs.addHex(name, buf, 0, -1);
            return name;
        }

        private boolean startsWith(int at, byte[] s) {
            if (at + s.length > len) {
                return false;
            }
            for (int i = 0; i < s.length; i++) {
                if (buf[at + i] != s[i]) {
                    return false;
                }
            }
            return true;
        }

        private boolean hex(int at) {
            for (int i = at; i < at + 40; i++) {
                byte b = buf[i];
                if (!(b >= '0' && b <= '9' || b >= 'a' && b <= 'f')) {
                    return false;
                }
            }
            return true;
        }
    }
}
