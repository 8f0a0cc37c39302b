package eu.egi.csirt.cvh.adapter.rt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.Function;

/**
 * A small client for Request Tracker's REST2 API ({@code <RT>/REST/2.0/}). Uses ticket ids only:
 * RT builds the {@code _url} values from its WebBaseURL, which need not be the address we reach it on.
 */
public final class RtClient {

    private static final System.Logger LOG = System.getLogger(RtClient.class.getName());
    /** RT reads dates without a zone as UTC. */
    private static final DateTimeFormatter RT_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final int PER_PAGE = 100;
    private static final String TICKET_FIELDS = "Queue,Subject,Status,Creator,Requestor,Cc,Created,Due";

    private final URI api;
    private final String authorization;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final Duration timeout;

    private RtClient(URI rtUrl, String authorization, Duration timeout) {
        String base = rtUrl.toString();
        this.api = URI.create((base.endsWith("/") ? base : base + "/") + "REST/2.0/");
        this.authorization = authorization;
        this.timeout = timeout;
        // HTTP/1.1: no h2c upgrade dance with the Perl servers RT runs on
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    /** @param rtUrl RT's web address, e.g. {@code https://rt.example.org/rt} (REST2 is below it) */
    public static RtClient withPassword(URI rtUrl, String user, String password, Duration timeout) {
        String pair = user + ":" + password;
        return new RtClient(rtUrl, "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)), timeout);
    }

    /** An RT auth token (User preferences → Auth tokens): sent as {@code Authorization: token X}. */
    public static RtClient withToken(URI rtUrl, String token, Duration timeout) {
        return new RtClient(rtUrl, "token " + token, timeout);
    }

    public URI api() {
        return api;
    }

    /** Creates a ticket; returns its id. */
    public long createTicket(NewTicket ticket) {
        ObjectNode body = json.createObjectNode()
                .put("Queue", ticket.queue())
                .put("Subject", ticket.subject())
                .put("Requestor", String.join(", ", ticket.requestors()))
                .put("Cc", String.join(", ", ticket.cc()))
                .put("ContentType", "text/plain")
                .put("Content", ticket.content());
        if (ticket.due() != null) {
            body.put("Due", RT_DATE.format(ticket.due()));
        }
        if (!ticket.customFields().isEmpty()) {
            ObjectNode fields = body.putObject("CustomFields");
            ticket.customFields().forEach(fields::put);
        }
        return send("POST", "ticket", body).path("id").asLong();
    }

    /** Correspondence: mailed to requestors and Cc. {@code newStatus} (e.g. "resolved") may be null. */
    public void correspond(long ticketId, String content, String newStatus) {
        ObjectNode body = json.createObjectNode().put("ContentType", "text/plain").put("Content", content);
        if (newStatus != null) {
            body.put("Status", newStatus);
        }
        send("POST", "ticket/" + ticketId + "/correspond", body);
    }

    /** An internal comment: not mailed to requestors. */
    public void comment(long ticketId, String content) {
        send("POST", "ticket/" + ticketId + "/comment", json.createObjectNode().put("ContentType", "text/plain").put("Content", content));
    }

    public void setStatus(long ticketId, String status) {
        update(ticketId, json.createObjectNode().put("Status", status));
    }

    public void setSubject(long ticketId, String subject) {
        update(ticketId, json.createObjectNode().put("Subject", subject));
    }

    /** Sets the ticket's Cc watchers (RT adds and removes to match): they get the correspondence too. */
    public void setCc(long ticketId, java.util.Collection<String> cc) {
        var list = json.createArrayNode();
        cc.forEach(list::add);
        var body = json.createObjectNode();
        body.set("Cc", list);
        update(ticketId, body);
    }

    public void setDue(long ticketId, Instant due) {
        update(ticketId, json.createObjectNode().put("Due", RT_DATE.format(due)));
    }

    public RtTicket ticket(long ticketId) {
        return toTicket(send("GET", "ticket/" + ticketId, null));
    }

    /** Tickets matching a TicketSQL query (all pages), in id order. Quote values with {@link #quote}. */
    public List<RtTicket> search(String ticketSql) {
        return pages("tickets?query=" + encode(ticketSql) + "&orderby=id&order=ASC&fields=" + TICKET_FIELDS, this::toTicket);
    }

    /** A ticket's history, oldest first. */
    public List<RtTransaction> history(long ticketId) {
        return pages("ticket/" + ticketId + "/history?fields=Type,Creator,Created", item -> new RtTransaction(
                item.path("id").asLong(), ticketId, item.path("Type").asText(), item.path("Creator").path("id").asText(),
                instant(item.path("Created"))));
    }

    /** The texts of a ticket's transactions (creation, correspondence, comments), oldest first. */
    public List<RtAttachment> attachments(long ticketId) {
        return pages("ticket/" + ticketId + "/attachments?fields=TransactionId,ContentType,Content,Subject,Headers", item -> new RtAttachment(
                item.path("id").asLong(), item.path("TransactionId").asLong(), item.path("ContentType").asText(),
                item.path("Content").asText(), item.path("Subject").asText(""), item.path("Headers").asText("")));
    }

    /** A TicketSQL string literal. */
    public static String quote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private void update(long ticketId, ObjectNode body) {
        JsonNode answer = send("PUT", "ticket/" + ticketId, body);
        // RT answers 200 with a list of messages even when a field was refused; look for the refusals
        for (JsonNode message : answer) {
            String text = message.asText();
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.contains("permission") || lower.contains("illegal") || lower.contains("isn't a valid") || lower.contains("not a valid")) {
                throw new RtException(200, "RT did not update ticket " + ticketId + ": " + text);
            }
        }
    }

    private <T> List<T> pages(String pathAndQuery, Function<JsonNode, T> map) {
        List<T> out = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonNode answer = send("GET", pathAndQuery + "&per_page=" + PER_PAGE + "&page=" + page, null);
            JsonNode items = answer.path("items");
            items.forEach(item -> out.add(map.apply(item)));
            // history and attachments give no page count ("pages": null): a short page is the last
            JsonNode pages = answer.path("pages");
            if (items.size() < PER_PAGE || (pages.isNumber() && page >= pages.asInt())) {
                return out;
            }
        }
    }

    private JsonNode send(String method, String path, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(path)).timeout(timeout)
                .header("Authorization", authorization).header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json; charset=utf-8")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        }
        String what = method + " " + api.resolve(path).getPath();
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RtException("RT at " + api + " not reachable (" + what + "): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RtException("interrupted during " + what, e);
        }
        LOG.log(System.Logger.Level.DEBUG, () -> what + " -> " + response.statusCode());
        int status = response.statusCode();
        if (status == 401) {
            throw new RtAuthenticationException("RT refused the credentials (401 Unauthorized) for " + what
                    + ": check the RT user and password or token");
        }
        if (status < 200 || status > 299) {
            throw new RtException(status, "RT answered " + status + " to " + what + ": " + message(response.body()));
        }
        try {
            return response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
        } catch (IOException e) {
            throw new RtException(status, "RT answered " + what + " with something that is not JSON: " + abbreviate(response.body()));
        }
    }

    private String message(String body) {
        try {
            JsonNode node = json.readTree(body);
            if (node != null && node.hasNonNull("message")) {
                return node.get("message").asText().strip();
            }
        } catch (IOException ignored) {
            // not JSON (a proxy's HTML page): show its start
        }
        return abbreviate(body);
    }

    private static String abbreviate(String s) {
        String one = s == null ? "" : s.strip().replaceAll("\\s+", " ");
        return one.length() > 200 ? one.substring(0, 200) + "..." : one;
    }

    private RtTicket toTicket(JsonNode t) {
        return new RtTicket(t.path("id").asLong(), t.path("Queue").path("id").asText(null), t.path("Subject").asText(),
                t.path("Status").asText(), t.path("Creator").path("id").asText(null),
                ids(t.path("Requestor")), ids(t.path("Cc")), instant(t.path("Created")), instant(t.path("Due")),
                customFields(t.path("CustomFields")));
    }

    private static Map<String, List<String>> customFields(JsonNode fields) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        fields.forEach(f -> {
            List<String> values = new ArrayList<>();
            f.path("values").forEach(v -> values.add(v.asText()));
            out.put(f.path("name").asText(), List.copyOf(values));
        });
        return Collections.unmodifiableMap(out);
    }

    private static List<String> ids(JsonNode users) {
        List<String> out = new ArrayList<>();
        users.forEach(u -> out.add(u.path("id").asText()));
        return List.copyOf(out);
    }

    /** RT shows "not set" as the epoch. */
    private static Instant instant(JsonNode value) {
        if (!value.isTextual() || value.asText().isBlank()) {
            return null;
        }
        Instant at = Instant.parse(value.asText());
        return at.equals(Instant.EPOCH) ? null : at;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
