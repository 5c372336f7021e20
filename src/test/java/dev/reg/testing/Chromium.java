package dev.reg.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's headless Chromium, as the report tests drive it: a fresh profile each run, no sandbox
 * (CI runs as root), and networking cut off: every request goes to a proxy on a closed loopback
 * port, so nothing the page asks for can leave the machine, and the net log records each attempt.
 * {@code .ci/run} installs the {@code chromium} package.
 */
public final class Chromium {
    private static final long TIMEOUT_SECONDS = 120;

    private Chromium() {
    }

    /** The browser: {@code $REG_CHROMIUM}, else {@code chromium} on the PATH. */
    public static String binary() {
        String env = System.getenv("REG_CHROMIUM");
        if (env != null && !env.isBlank()) {
            return env;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                if (Files.isExecutable(Path.of(dir, name))) {
                    return Path.of(dir, name).toString();
                }
            }
        }
        throw new AssertionError("headless Chromium is needed for the report's browser tests: install Debian's 'chromium' package"
                + " (.ci/run does) or point REG_CHROMIUM at a Chromium binary");
    }

    /** What one browser run gave: stdout (the DOM for --dump-dom) and the requests in its net log. */
    public record Run(String stdout, List<Request> requests) {
        /** Requests the page made (its own network isolation key is the file:// page), as opposed to the browser's own. */
        public List<Request> pageRequests() {
            return requests.stream().filter(Request::fromPage).toList();
        }
    }

    /**
     * One URL request the net log recorded.
     *
     * @param isolationKey the network isolation key: {@code file://…} for a request the page made;
     *     the browser's own background requests (update check, account probe) carry another
     */
    public record Request(String url, String isolationKey, String initiator) {
        public boolean fromPage() {
            return (isolationKey != null && isolationKey.contains("file://")) || "null".equals(initiator);
        }

        public boolean isNetwork() {
            return url.matches("(?i)(https?|wss?)://.*");
        }
    }

    /** Loads {@code page} and prints the DOM after load, at a window of {@code width}×{@code height}. */
    public static Run dumpDom(Path page, int width, int height, Path work, String... flags) {
        List<String> args = new ArrayList<>(List.of("--dump-dom", "--window-size=" + width + "," + height));
        args.addAll(List.of(flags));
        return run(page, work, args);
    }

    /** Loads {@code page} and writes a PNG of the window, light or dark ({@code prefers-color-scheme}). */
    public static Run screenshot(Path page, Path png, int width, int height, boolean dark, Path work) {
        List<String> args = new ArrayList<>(List.of("--screenshot=" + png, "--window-size=" + width + "," + height, "--hide-scrollbars"));
        if (dark) {
            args.add("--force-dark-mode");
        }
        return run(page, work, args);
    }

    private static Run run(Path page, Path work, List<String> extra) {
        try {
            Files.createDirectories(work);
            Path profile = Files.createTempDirectory(work, "chromium-profile");
            Path netLog = Files.createTempFile(work, "net-log", ".json");
            Path out = Files.createTempFile(work, "chromium-out", ".txt");
            Path err = Files.createTempFile(work, "chromium-err", ".txt");
            List<String> cmd = new ArrayList<>(List.of(binary(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
                    "--user-data-dir=" + profile, "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
                    "--log-net-log=" + netLog));
            cmd.addAll(extra);
            cmd.add(page.toUri().toString());
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
            TestEnv.isolate(pb.environment());
            Process p = pb.start();
            p.getOutputStream().close();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("chromium did not finish in " + TIMEOUT_SECONDS + " s: " + String.join(" ", cmd));
            }
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new AssertionError("chromium exited " + p.exitValue() + ": " + Files.readString(err, StandardCharsets.UTF_8));
            }
            return new Run(stdout, requests(netLog));
        } catch (IOException e) {
            throw new AssertionError("cannot run chromium: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Every URL request job the net log saw start. */
    static List<Request> requests(Path netLog) throws IOException {
        JsonNode log = new ObjectMapper().readTree(netLog.toFile());
        Map<Integer, String> types = new HashMap<>();
        log.path("constants").path("logEventTypes").fields().forEachRemaining(e -> types.put(e.getValue().asInt(), e.getKey()));
        List<Request> out = new ArrayList<>();
        for (JsonNode e : log.path("events")) {
            JsonNode params = e.path("params");
            if ("URL_REQUEST_START_JOB".equals(types.get(e.path("type").asInt())) && params.has("url")) {
                out.add(new Request(params.path("url").asText(), params.path("network_isolation_key").asText(null),
                        params.path("initiator").asText(null)));
            }
        }
        return out;
    }
}
