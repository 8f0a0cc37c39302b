package eu.egi.csirt.cvh.adapter.console;

import eu.egi.csirt.cvh.adapter.store.JdbcConsoleQueries;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Readiness: the database answers, and each configured outside system (SMTP, RT, GOCDB, Pakiti) accepts a
 * TCP connection (a local Pakiti file: exists). Only what is configured is checked.
 */
public final class ConsoleHealth {

    /** Something to reach: a host and port, or a local file. */
    public record Target(String name, String host, int port, Path file) {
        public static Target tcp(String name, String host, int port) { return new Target(name, host, port, null); }

        public static Target file(String name, Path file) { return new Target(name, null, 0, file); }

        /** From a URL (http, https, smtp ...), with the scheme's default port; a {@code file:} URL is a file. */
        public static Target url(String name, String url) {
            if (url.startsWith("file:")) return file(name, Path.of(url.substring("file:".length())));
            URI u = URI.create(url);
            int port = u.getPort() > 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
            return tcp(name, u.getHost(), port);
        }
    }

    public record Check(String status, String detail) {}

    public record Report(String status, Map<String, Check> checks) {
        public boolean up() { return status.equals("UP"); }
    }

    private final JdbcConsoleQueries queries;
    private final List<Target> targets;
    private final int timeoutMillis;

    public ConsoleHealth(JdbcConsoleQueries queries, List<Target> targets, int timeoutMillis) {
        this.queries = queries;
        this.targets = List.copyOf(targets);
        this.timeoutMillis = timeoutMillis;
    }

    /** Probes run at once (one slow system does not add up) and their result is kept for a few seconds. */
    private static final long CACHE_MILLIS = 5_000;
    private volatile Report last;
    private volatile long lastAt;

    public Report ready() {
        long now = System.currentTimeMillis();
        Report cached = last;
        if (cached != null && now - lastAt < CACHE_MILLIS) return cached;
        Map<String, Check> checks = new LinkedHashMap<>();
        try {
            queries.ping();
            checks.put("database", new Check("UP", "answers"));
        } catch (RuntimeException e) {
            checks.put("database", new Check("DOWN", e.getMessage()));
        }
        Map<String, java.util.concurrent.CompletableFuture<Check>> probes = new LinkedHashMap<>();
        for (Target t : targets) probes.put(t.name(), java.util.concurrent.CompletableFuture.supplyAsync(() -> check(t)));
        probes.forEach((name, probe) -> {
            try {
                checks.put(name, probe.get(timeoutMillis + 1_000L, java.util.concurrent.TimeUnit.MILLISECONDS));
            } catch (java.util.concurrent.TimeoutException e) {
                checks.put(name, new Check("DOWN", "no answer within " + timeoutMillis + " ms (name lookup?)"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                checks.put(name, new Check("DOWN", "interrupted"));
            } catch (java.util.concurrent.ExecutionException e) {
                checks.put(name, new Check("DOWN", String.valueOf(e.getCause())));
            }
        });
        boolean up = checks.values().stream().allMatch(c -> c.status().equals("UP"));
        Report report = new Report(up ? "UP" : "DOWN", checks);
        last = report;
        lastAt = now;
        return report;
    }

    private Check check(Target t) {
        if (t.file() != null) {
            return Files.isReadable(t.file()) ? new Check("UP", t.file() + " readable") : new Check("DOWN", t.file() + " not readable");
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(t.host(), t.port()), timeoutMillis);
            return new Check("UP", t.host() + ":" + t.port() + " reachable");
        } catch (IOException | IllegalArgumentException e) {
            return new Check("DOWN", t.host() + ":" + t.port() + " unreachable: " + e.getMessage());
        }
    }
}
