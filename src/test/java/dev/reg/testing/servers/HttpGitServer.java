package dev.reg.testing.servers;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Smart HTTP the way Git hosts serve it: C git's {@code git http-backend} as a CGI program behind a
 * small server built on the JDK's {@code com.sun.net.httpserver}, with HTTP Basic authentication
 * required on every request (so receive-pack is enabled: http-backend allows pushes when
 * {@code REMOTE_USER} is set). Request headers reach the CGI as {@code HTTP_*} variables, so a
 * gzip-encoded request body ({@code HTTP_CONTENT_ENCODING}) and the protocol version
 * ({@code HTTP_GIT_PROTOCOL}) are handled by http-backend itself; its {@code Status:} header becomes
 * the response code. The Authorization header never reaches the CGI environment.
 */
public final class HttpGitServer extends GitServer {
    public static final String USER = "reg-ci";
    private static final String CONTEXT = "/git";
    private static final String REALM = "reg test git";

    private final String password;
    private final HttpServer server;
    private final ExecutorService pool;
    private final Set<Process> running = ConcurrentHashMap.newKeySet();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    /** One request as served: what a test may check (authentication, encodings), never the credentials. */
    public record Request(String method, String path, String user, String contentEncoding, int status) {
    }

    private HttpGitServer(Path dir) {
        super(dir);
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        this.password = "pw-" + HexFormat.of().formatHex(random);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpContext ctx = server.createContext(CONTEXT + "/", this::handle);
        ctx.setAuthenticator(new BasicAuth());
        pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "http-git-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
    }

    static HttpGitServer start(Path dir) {
        HttpGitServer s = new HttpGitServer(dir);
        s.writeCredentialHelper();
        s.server.start();
        return s;
    }

    @Override
    public ServerKind kind() {
        return ServerKind.HTTP;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public String url(String name) {
        return "http://127.0.0.1:" + port() + CONTEXT + "/" + name;
    }

    /** The one account: user {@link #USER} with this (random, per server) password. */
    public String password() {
        return password;
    }

    /** Every request served so far, in order. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** A credential helper (as {@code credential.helper} runs it) that answers with the server's account. */
    public Path credentialHelper() {
        return dir.resolve("credential-helper.sh");
    }

    private void writeCredentialHelper() {
        try {
            Path helper = credentialHelper();
            Files.writeString(helper, "#!/bin/sh\ntest \"$1\" = get || exit 0\necho username=" + USER + "\necho password="
                    + password + "\n", StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Clients get their credentials as a C git user would: from a credential helper in their Git config. */
    @Override
    protected Map<String, String> clientExtras() {
        return Map.of("GIT_CONFIG_COUNT", "1", "GIT_CONFIG_KEY_0", "credential.helper",
                "GIT_CONFIG_VALUE_0", credentialHelper().toString());
    }

    private void handle(HttpExchange ex) throws IOException {
        Process p = null;
        int status = 502;
        try {
            String path = ex.getRequestURI().getPath();
            HttpPrincipal who = ex.getPrincipal();
            Map<String, String> env = serverEnvironment();
            env.put("GIT_PROJECT_ROOT", repos.toString());
            env.put("GIT_HTTP_EXPORT_ALL", "1");
            env.put("REMOTE_USER", who.getUsername());
            env.put("AUTH_TYPE", "Basic");
            env.put("REMOTE_ADDR", ex.getRemoteAddress().getAddress().getHostAddress());
            env.put("PATH_INFO", path.substring(CONTEXT.length()));
            env.put("QUERY_STRING", ex.getRequestURI().getRawQuery() == null ? "" : ex.getRequestURI().getRawQuery());
            env.put("REQUEST_METHOD", ex.getRequestMethod());
            env.put("GATEWAY_INTERFACE", "CGI/1.1");
            env.put("SERVER_PROTOCOL", ex.getProtocol());
            env.put("SERVER_SOFTWARE", "reg-test-cgi");
            env.put("SERVER_NAME", "127.0.0.1");
            env.put("SERVER_PORT", Integer.toString(port()));
            Headers in = ex.getRequestHeaders();
            if (in.getFirst("Content-Type") != null) {
                env.put("CONTENT_TYPE", in.getFirst("Content-Type"));
            }
            if (in.getFirst("Content-Length") != null) {
                env.put("CONTENT_LENGTH", in.getFirst("Content-Length"));
            }
            for (Map.Entry<String, List<String>> h : in.entrySet()) {
                String name = h.getKey().toLowerCase(Locale.ROOT);
                if (name.equals("authorization") || name.equals("content-type") || name.equals("content-length")) {
                    continue; // CGI servers keep credentials out of the script's environment
                }
                env.put("HTTP_" + name.toUpperCase(Locale.ROOT).replace('-', '_'), String.join(", ", h.getValue()));
            }
            ProcessBuilder pb = new ProcessBuilder("git", "http-backend")
                    .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("http-backend.log").toFile()));
            pb.environment().clear();
            pb.environment().putAll(env);
            p = pb.start();
            running.add(p);
            Process child = p;
            Thread feeder = new Thread(() -> {
                try (InputStream body = ex.getRequestBody(); OutputStream stdin = child.getOutputStream()) {
                    body.transferTo(stdin);
                } catch (IOException e) {
                    // the backend stopped reading (or was killed): its answer, or its absence, says the rest
                }
            }, "http-git-request-body");
            feeder.setDaemon(true);
            feeder.start();
            InputStream out = new BufferedInputStream(p.getInputStream());
            Headers reply = ex.getResponseHeaders();
            status = 200;
            String line;
            boolean headersEnded = false;
            while ((line = readLine(out)) != null) {
                if (line.isEmpty()) {
                    headersEnded = true;
                    break;
                }
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                String name = line.substring(0, colon).trim();
                String value = line.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Status")) {
                    status = Integer.parseInt(value.split(" ", 2)[0]);
                } else {
                    reply.add(name, value);
                }
            }
            if (!headersEnded) {
                status = 502;
                ex.sendResponseHeaders(status, -1);
                return;
            }
            ex.sendResponseHeaders(status, 0);
            try (OutputStream body = ex.getResponseBody()) {
                out.transferTo(body);
            }
            p.waitFor();
            feeder.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (p != null) {
                running.remove(p);
            }
            requests.add(new Request(ex.getRequestMethod(), ex.getRequestURI().getPath(),
                    ex.getPrincipal() == null ? null : ex.getPrincipal().getUsername(),
                    ex.getRequestHeaders().getFirst("Content-Encoding"), status));
            ex.close();
        }
    }

    /**
     * HTTP Basic authentication on every request. Written out because the JDK's BasicAuthenticator
     * matches the scheme case-sensitively, and CI checkouts send {@code AUTHORIZATION: basic …}
     * (schemes are case-insensitive, RFC 7235 section 2.1).
     */
    private final class BasicAuth extends Authenticator {
        @Override
        public Result authenticate(HttpExchange ex) {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (auth != null) {
                int sp = auth.indexOf(' ');
                if (sp > 0 && auth.substring(0, sp).equalsIgnoreCase("Basic")) {
                    String decoded;
                    try {
                        decoded = new String(Base64.getDecoder().decode(auth.substring(sp + 1).trim()), StandardCharsets.UTF_8);
                    } catch (IllegalArgumentException e) {
                        decoded = "";
                    }
                    int colon = decoded.indexOf(':');
                    if (colon > 0 && USER.equals(decoded.substring(0, colon)) && password.equals(decoded.substring(colon + 1))) {
                        return new Success(new HttpPrincipal(USER, REALM));
                    }
                }
            }
            ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
            return new Retry(401);
        }
    }

    /** A CGI header line, CRLF or LF terminated; null at end of stream. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                break;
            }
            buf.write(b);
        }
        if (b < 0 && buf.size() == 0) {
            return null;
        }
        String s = buf.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public void kill() {
        List<Process> procs = new ArrayList<>(running);
        server.stop(0);
        for (Process p : procs) {
            ServerProcess.killTree(p.toHandle());
        }
        pool.shutdownNow();
    }

    @Override
    public List<ProcessHandle> workers() {
        List<ProcessHandle> out = new ArrayList<>();
        for (Process p : running) {
            out.add(p.toHandle());
            p.toHandle().descendants().forEach(out::add);
        }
        return out;
    }

    @Override
    public void close() {
        kill();
    }
}
