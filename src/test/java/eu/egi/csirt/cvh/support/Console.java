package eu.egi.csirt.cvh.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.egi.csirt.cvh.app.Wiring;
import eu.egi.csirt.cvh.domain.calendar.VirtualClock;
import eu.egi.csirt.cvh.domain.campaign.Channel;
import eu.egi.csirt.cvh.port.Outbox;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * A running runtime's console over real HTTP, and the runtime itself in virtual time: the engine ticks
 * and the mail it queued counts as delivered (the SMTP route is proved elsewhere).
 */
public final class Console {

    /** Users and tokens the console tests configure (hashes with few PBKDF2 iterations, for speed). */
    public static final String USERS = "app.console.users=alice:officer:pbkdf2-sha256$1000$rqftoGdG6wDFovS1MeYPqA==$YA3WQtFP1Q9ex08O1UieKhv7lLQ51S+fNTe/8CM8wRk=,"
            + "omb:viewer:pbkdf2-sha256$1000$PvNbZnpWpUZCkYWGYgwozg==$7FwlBgF3H5Kl2U+KFOV3YWQvvndCN/hZYUaMBid6Kh8=";
    public static final String TOKENS = "app.console.tokens=ci-officer:officer:2369b2a27df6dae9332006b66992b3e58b13eb09db4c8dd42a941a03fe5898d1,"
            + "ci-viewer:viewer:e0c98f9032c5e7a940e00f4532fdbdb27d40be3675c0bb1115c8d3e8b5c0e321";
    public static final String OFFICER = basic("alice", "alice-secret");
    public static final String VIEWER = basic("omb", "omb-secret");
    public static final String OFFICER_TOKEN = "Bearer officer-token-1";
    public static final String VIEWER_TOKEN = "Bearer viewer-token-1";

    private static final ObjectMapper JSON = new ObjectMapper();
    // HTTP/1.1: the JDK client would otherwise try an h2c upgrade on plain HTTP
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    public final String base;
    public final Wiring wiring;
    public final VirtualClock clock;

    public Console(CamelContext context) {
        VertxPlatformHttpServer server = context.getRegistry().lookupByNameAndType("consoleServer", VertxPlatformHttpServer.class);
        this.base = "http://127.0.0.1:" + server.getServer().actualPort();
        this.wiring = context.getRegistry().lookupByNameAndType("wiring", Wiring.class);
        this.clock = (VirtualClock) wiring.clock;
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public record Response(int status, String body, java.net.http.HttpHeaders headers) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    public Response get(String path, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (authorization != null) b.header("Authorization", authorization);
        return send(b);
    }

    public Response post(String path, String authorization, String json) {
        return post(path, authorization, "application/json", json);
    }

    public Response post(String path, String authorization, String contentType, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) b.header("Authorization", authorization);
        return send(b);
    }

    /** A POST with extra request headers, name and value in turn (e.g. "Origin", "https://evil.example"). */
    public Response postWithHeaders(String path, String authorization, String contentType, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) b.header("Content-Type", contentType);
        if (authorization != null) b.header("Authorization", authorization);
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return send(b);
    }

    private Response send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = http.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Ticks the engine and delivers its mail, hour by hour, until {@code until}. */
    public void runUntil(Instant until) {
        while (!clock.instant().isAfter(until)) {
            wiring.engine.tick();
            deliverMail();
            if (clock.instant().equals(until)) break;
            Instant next = clock.instant().plus(Duration.ofHours(1));
            clock.set(next.isAfter(until) ? until : next);
        }
    }

    public void deliverMail() {
        for (Outbox.Pending p : wiring.outbox.due(Channel.MAIL, clock.instant(), 10_000)) {
            wiring.outbox.delivered(p.id(), "<" + p.id() + "@test>", clock.instant());
        }
    }

    /** The sample advisory of config/samples with the given id, for the sites listed. */
    public static String advisory(String id, String... sites) {
        return "id: " + id + "\n"
                + "title: Critical privilege escalation in the Linux kernel\n"
                + "cves: [CVE-2026-31337]\n"
                + "procedure: sec03-critical\n"
                + "advisory-url: https://advisories.example.org/" + id + "\n"
                + "advisory: |\n  Update the kernel and reboot.\n"
                + "sites: [" + String.join(", ", sites) + "]\n";
    }

    /** The sites vulnerable as of now, and a campaign for them started by the officer through the API. */
    public Response startCampaign(String id, String... sites) {
        vulnerable(sites);
        return post("/api/campaigns", OFFICER, "application/yaml", advisory(id, sites));
    }

    /** Every site vulnerable (2 hosts) as of now. */
    public void vulnerable(String... sites) {
        for (String s : sites) wiring.status.set(s, "CVE-2026-31337", 2, clock.instant());
    }

    public void fixed(String site) {
        wiring.status.set(site, "CVE-2026-31337", 0, clock.instant());
    }
}
