package eu.egi.csirt.cvh.adapter.camel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import eu.egi.csirt.cvh.adapter.console.ConsoleException;
import eu.egi.csirt.cvh.adapter.console.ConsoleHealth;
import eu.egi.csirt.cvh.adapter.console.ConsoleMetrics;
import eu.egi.csirt.cvh.adapter.console.ConsolePages;
import eu.egi.csirt.cvh.adapter.console.ConsoleReports;
import eu.egi.csirt.cvh.adapter.console.ConsoleService;
import eu.egi.csirt.cvh.adapter.console.ConsoleUsers;
import eu.egi.csirt.cvh.adapter.console.ConsoleUsers.Principal;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The console's HTTP edge (routes/console-*.camel.yaml call one method per endpoint): authenticates
 * every request, reads path, query and body, calls {@link ConsoleService} and writes JSON, or for the
 * web page's forms a redirect back to the page. A {@link ConsoleException} becomes its 4xx status with
 * the message; anything else a 500 with a short message (the stack trace goes to the log only).
 */
public final class ConsoleHttp {

    private static final System.Logger LOG = System.getLogger(ConsoleHttp.class.getName());
    static final String JSON = "application/json; charset=utf-8";

    private final ConsoleService service;
    private final ConsoleUsers users;
    private final ConsolePages pages;
    private final ConsoleReports reports;
    private final ConsoleHealth health;
    private final ConsoleMetrics metrics;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);
    private final byte[] csrfKey = new byte[32];

    public ConsoleHttp(ConsoleService service, ConsoleUsers users, ConsolePages pages, ConsoleReports reports, ConsoleHealth health,
                       ConsoleMetrics metrics) {
        this.service = service;
        this.users = users;
        this.pages = pages;
        this.reports = reports;
        this.health = health;
        this.metrics = metrics;
        new SecureRandom().nextBytes(csrfKey);
    }

    // ------------------------------------------------------------------ reads (viewer or officer)

    public void campaigns(Exchange e) { read(e, who -> service.campaigns()); }

    public void campaign(Exchange e) { read(e, who -> service.campaign(segment(e, 2))); }

    public void site(Exchange e) { read(e, who -> service.site(segment(e, 2), segment(e, 4))); }

    public void timeline(Exchange e) { read(e, who -> service.timeline(segment(e, 2), segment(e, 4))); }

    public void audit(Exchange e) { read(e, who -> service.audit(segment(e, 2))); }

    public void deadLetters(Exchange e) { read(e, who -> service.deadLetters()); }

    public void replies(Exchange e) { read(e, who -> service.replies(segment(e, 2))); }

    public void unmatchedReplies(Exchange e) { read(e, who -> service.unmatchedReplies()); }

    public void whoami(Exchange e) { read(e, who -> who); }

    // ------------------------------------------------------------------ reports (viewer or officer)

    public void ombSummaryMarkdown(Exchange e) {
        download(e, "text/markdown; charset=utf-8", "omb-summary-%s.md", c -> reports.ombSummaryMarkdown(c));
    }

    public void ombSummaryHtml(Exchange e) {
        download(e, "text/html; charset=utf-8", null, c -> reports.ombSummaryHtml(c));
    }

    public void unfixedSitesCsv(Exchange e) {
        download(e, "text/csv; charset=utf-8", "unfixed-sites-%s.csv", c -> reports.unfixedSitesCsv(c));
    }

    public void auditCsv(Exchange e) {
        download(e, "text/csv; charset=utf-8", "audit-%s.csv", c -> reports.auditCsv(c));
    }

    private void download(Exchange e, String contentType, String fileName, java.util.function.Function<String, String> report) {
        handle(e, false, () -> {
            authenticate(e);
            String campaign = segment(e, 2);
            respond(e, 200, contentType, report.apply(campaign));
            if (fileName != null) {
                e.getMessage().setHeader("Content-Disposition", "attachment; filename=\""
                        + String.format(fileName, campaign.replaceAll("[^A-Za-z0-9._-]", "_")) + "\"");
            }
        });
    }

    // ------------------------------------------------------------------ operations

    /** Liveness: the process answers. The only endpoint without authentication. */
    public void live(Exchange e) {
        respond(e, 200, JSON, "{\"status\":\"UP\"}");
    }

    /** Readiness: database and the configured outside systems; 503 when one is down. */
    public void ready(Exchange e) {
        handle(e, false, () -> {
            authenticate(e);
            ConsoleHealth.Report r = health.ready();
            respond(e, r.up() ? 200 : 503, JSON, json.writeValueAsString(r));
        });
    }

    public void metrics(Exchange e) {
        handle(e, false, () -> {
            authenticate(e);
            respond(e, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape());
        });
    }

    public void openapi(Exchange e) {
        handle(e, false, () -> {
            authenticate(e);
            try (var in = ConsoleHttp.class.getResourceAsStream("/console/openapi.json")) {
                if (in == null) throw new IllegalStateException("console/openapi.json missing from the classpath");
                respond(e, 200, JSON, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        });
    }

    // ------------------------------------------------------------------ actions (officer)

    public void startCampaign(Exchange e) { act(e, (who, body) -> service.startCampaign(advisory(e, body), false, who)); }

    public void headsUp(Exchange e) { act(e, (who, body) -> service.startCampaign(advisory(e, body), true, who)); }

    public void extend(Exchange e) { act(e, (who, body) -> service.extend(segment(e, 2), segment(e, 4), form(e, body), who)); }

    public void veto(Exchange e) { act(e, (who, body) -> service.veto(segment(e, 2), segment(e, 4), form(e, body), who)); }

    public void confirmSuspension(Exchange e) { act(e, (who, body) -> service.confirmSuspension(segment(e, 2), segment(e, 4), form(e, body), who)); }

    public void cancelSuspension(Exchange e) { act(e, (who, body) -> service.cancelSuspension(segment(e, 2), segment(e, 4), form(e, body), who)); }

    public void accept(Exchange e) { act(e, (who, body) -> service.accept(segment(e, 2), segment(e, 4), form(e, body), who)); }

    public void refuse(Exchange e) { act(e, (who, body) -> service.refuse(segment(e, 2), segment(e, 4), form(e, body), who)); }

    public void falsePositive(Exchange e) { act(e, (who, body) -> service.falsePositive(segment(e, 2), segment(e, 4), form(e, body), who)); }

    public void reinstatement(Exchange e) { act(e, (who, body) -> service.reinstatement(segment(e, 2), segment(e, 4), who)); }

    public void pause(Exchange e) { act(e, (who, body) -> service.pause(segment(e, 2), who)); }

    public void resume(Exchange e) { act(e, (who, body) -> service.resume(segment(e, 2), who)); }

    public void settleReply(Exchange e) { act(e, (who, body) -> service.settleReply(segment(e, 2), form(e, body), who)); }

    public void dismissReply(Exchange e) { act(e, (who, body) -> service.dismissReply(segment(e, 2), form(e, body), who)); }

    public void retryDeadLetter(Exchange e) { act(e, (who, body) -> service.retryDeadLetter(segment(e, 2), who)); }

    // ------------------------------------------------------------------ the page

    public void page(Exchange e) {
        handle(e, false, () -> {
            Principal who = authenticate(e);
            Map<String, String> q = query(e);
            respond(e, 200, "text/html; charset=utf-8", pages.page(who, q.get("campaign"), q.get("site"), q.get("msg"), q.get("error"),
                    csrf(who)));
        });
    }

    // ------------------------------------------------------------------ plumbing

    interface Read {
        Object apply(Principal who);
    }

    interface Act {
        ConsoleService.Outcome apply(Principal who, String body);
    }

    private void read(Exchange e, Read read) {
        handle(e, false, () -> {
            Principal who = authenticate(e);
            respond(e, 200, JSON, json.writeValueAsString(read.apply(who)));
        });
    }

    private void act(Exchange e, Act act) {
        boolean fromPage = isForm(e);
        handle(e, fromPage, () -> {
            requireSameSite(e);
            Principal who = authenticate(e);
            if (!fromPage && !isJsonOrYaml(e)) {
                // a browser on another site can post text/plain or multipart with the officer's cached login, never JSON
                throw new ConsoleException(415, "send actions as application/json (advisories as application/yaml), or from the console's forms");
            }
            String body = fromPage ? null : e.getIn().getBody(String.class);
            if (fromPage) {
                Map<String, String> form = formFields(e);
                if (!MessageDigest.isEqual(csrf(who).getBytes(StandardCharsets.UTF_8),
                        form.getOrDefault("csrf", "").getBytes(StandardCharsets.UTF_8))) {
                    throw ConsoleException.forbidden("the form is stale or not from this console: reload the page");
                }
            }
            if (!who.mayAct()) {
                throw ConsoleException.forbidden(who.name() + " (" + who.role().name().toLowerCase(Locale.ROOT)
                        + ") may read but not act: the officer role is needed");
            }
            ConsoleService.Outcome outcome = act.apply(who, body == null ? "" : body);
            LOG.log(System.Logger.Level.INFO, "console: " + who.name() + " " + e.getIn().getHeader(Exchange.HTTP_METHOD) + " "
                    + path(e) + ": " + outcome.outcome());
            if (fromPage) {
                redirect(e, back(e, formFields(e), "msg", outcome.outcome()));
            } else {
                respond(e, 200, JSON, json.writeValueAsString(outcome));
            }
        });
    }

    interface Work {
        void run() throws Exception;
    }

    private void handle(Exchange e, boolean fromPage, Work work) {
        Message in = e.getIn();
        try {
            work.run();
        } catch (ConsoleException ce) {
            error(e, ce.status(), ce.getMessage(), fromPage);
        } catch (Exception | Error x) {
            LOG.log(System.Logger.Level.ERROR, "console: " + in.getHeader(Exchange.HTTP_METHOD) + " " + path(e) + " failed", x);
            error(e, 500, "internal error (" + x.getClass().getSimpleName() + "); the details are in the runtime's log", fromPage);
        }
    }

    private void error(Exchange e, int status, String message, boolean fromPage) {
        Message out = e.getMessage();
        if (status == 401) out.setHeader("WWW-Authenticate", "Basic realm=\"cvh console\", charset=\"UTF-8\"");
        if (fromPage && status != 401 && status != 403) {
            redirect(e, back(e, formFields(e), "error", message));
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error", message);
        try {
            respond(e, status, JSON, json.writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException j) {
            respond(e, status, "text/plain; charset=utf-8", message);
        }
    }

    /** A request another web site made the officer's browser send is refused (the page's own forms are same-origin). */
    private static void requireSameSite(Exchange e) {
        String fetchSite = e.getIn().getHeader("Sec-Fetch-Site", String.class);
        if (fetchSite != null && fetchSite.equalsIgnoreCase("cross-site")) {
            throw ConsoleException.forbidden("a request from another web site may not act in the console");
        }
        String origin = e.getIn().getHeader("Origin", String.class);
        String host = e.getIn().getHeader("Host", String.class);
        if (origin != null && !origin.equals("null") && host != null) {
            String originHost = origin.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
            if (!originHost.equalsIgnoreCase(host)) throw ConsoleException.forbidden("a request from " + origin + " may not act in the console");
        }
    }

    private static boolean isJsonOrYaml(Exchange e) {
        String type = e.getIn().getHeader(Exchange.CONTENT_TYPE, String.class);
        if (type == null) return false;
        String t = type.toLowerCase(Locale.ROOT);
        return t.startsWith("application/json") || t.startsWith("application/yaml") || t.startsWith("application/x-yaml")
                || t.startsWith("text/yaml");
    }

    /**
     * platform-http copies query parameters into message headers: credentials or a content type given in the
     * URL would pass for request headers (and end up in logs and browser history), so such URLs are refused.
     */
    private static void refuseHeadersInQuery(Exchange e) {
        String query = e.getIn().getHeader(Exchange.HTTP_QUERY, String.class);
        if (query == null || query.isEmpty()) return;
        for (String pair : query.split("&")) {
            String name = java.net.URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            if (name.equals("authorization") || name.equals("content-type") || name.equals("origin") || name.equals("sec-fetch-site")
                    || name.equals("host")) {
                throw ConsoleException.badRequest("'" + name + "' is a request header, not a URL parameter");
            }
        }
    }

    private Principal authenticate(Exchange e) {
        refuseHeadersInQuery(e);
        String authorization = e.getIn().getHeader("Authorization", String.class);
        if (authorization == null || authorization.isBlank()) throw ConsoleException.unauthorized("authentication required (HTTP Basic or a Bearer token)");
        return users.authenticate(authorization).orElseThrow(() -> ConsoleException.unauthorized("wrong user, password or token"));
    }

    private static void respond(Exchange e, int status, String contentType, String body) {
        Message out = e.getMessage();
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, contentType);
        out.setHeader("Cache-Control", "no-store");
        out.setHeader("X-Content-Type-Options", "nosniff");
        antiFraming(out);
        out.setBody(body);
    }

    /** The console is never shown inside another site's frame (one-click forms could be clickjacked). */
    private static void antiFraming(Message out) {
        out.setHeader("X-Frame-Options", "DENY");
        out.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self';"
                + " frame-ancestors 'none'; base-uri 'none'");
        out.setHeader("Referrer-Policy", "no-referrer");
    }

    private static void redirect(Exchange e, String location) {
        Message out = e.getMessage();
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, 303);
        out.setHeader("Location", location);
        out.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=utf-8");
        antiFraming(out);
        out.setBody("see " + location);
    }

    /** Back to the page, on the campaign and site of the form, with the outcome to show. */
    private static String back(Exchange e, Map<String, String> form, String key, String message) {
        List<String> segments = segments(e);
        String campaign = segments.size() > 2 && segments.get(1).equals("campaigns") ? segments.get(2) : form.getOrDefault("campaign", "");
        String site = segments.size() > 4 && segments.get(3).equals("sites") ? segments.get(4) : form.getOrDefault("site", "");
        StringBuilder b = new StringBuilder("/?");
        if (!campaign.isEmpty()) b.append("campaign=").append(enc(campaign)).append('&');
        if (!site.isEmpty()) b.append("site=").append(enc(site)).append('&');
        b.append(key).append('=').append(enc(message.length() > 500 ? message.substring(0, 500) + "..." : message));
        return b.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static boolean isForm(Exchange e) {
        String type = e.getIn().getHeader(Exchange.CONTENT_TYPE, String.class);
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private Map<String, String> form(Exchange e, String body) {
        if (isForm(e)) return formFields(e);
        if (body == null || body.isBlank()) return Map.of();
        try {
            Map<?, ?> m = json.readValue(body, Map.class);
            Map<String, String> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
            return out;
        } catch (java.io.IOException x) {
            throw ConsoleException.badRequest("the body is not a JSON object: "
                    + (x instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : x.getMessage()));
        }
    }

    /** The advisory YAML: the body as is, or the field "advisory" of a form. */
    private static String advisory(Exchange e, String body) {
        return isForm(e) ? formFields(e).getOrDefault("advisory", "") : body;
    }

    /** A form post's fields: platform-http hands them over as a map (or, depending on the settings, the raw body). */
    private static Map<String, String> formFields(Exchange e) {
        Object body = e.getIn().getBody();
        if (body instanceof Map<?, ?> m) {
            Map<String, String> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), v instanceof List<?> l ? (l.isEmpty() ? "" : String.valueOf(l.get(0)))
                    : v == null ? "" : String.valueOf(v)));
            return out;
        }
        return parseForm(e.getIn().getBody(String.class));
    }

    static Map<String, String> parseForm(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) return out;
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException x) {
                throw ConsoleException.badRequest("the form is not URL-encoded properly");
            }
        }
        return out;
    }

    private static Map<String, String> query(Exchange e) {
        return parseForm(e.getIn().getHeader(Exchange.HTTP_QUERY, String.class));
    }

    private static String path(Exchange e) {
        String uri = e.getIn().getHeader(Exchange.HTTP_URI, String.class);
        if (uri == null) uri = e.getIn().getHeader(Exchange.HTTP_PATH, String.class);
        if (uri == null) return "/";
        int q = uri.indexOf('?');
        return q < 0 ? uri : uri.substring(0, q);
    }

    /** The decoded segments of the request path: /api/campaigns/X/sites/Y → [api, campaigns, X, sites, Y]. */
    private static List<String> segments(Exchange e) {
        List<String> out = new ArrayList<>();
        for (String s : path(e).split("/")) {
            if (!s.isEmpty()) out.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String segment(Exchange e, int index) {
        List<String> s = segments(e);
        if (index >= s.size()) throw ConsoleException.notFound("no such resource: " + path(e));
        return s.get(index);
    }

    /** A form token bound to the user: a page of another site cannot make the browser act with the officer's credentials. */
    private String csrf(Principal who) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(csrfKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(who.name().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException x) {
            throw new IllegalStateException(x);
        }
    }
}
