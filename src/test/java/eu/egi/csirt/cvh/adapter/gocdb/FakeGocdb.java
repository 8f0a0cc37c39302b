package eu.egi.csirt.cvh.adapter.gocdb;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GOCDB programmatic interface on a free loopback port, serving the sample XML (src/test/resources/gocdb/) per
 * {@code method}, filtered by {@code sitename}/{@code site}/{@code roc} as GOCDB does. A test can flip a site's
 * CERTIFICATION_STATUS, add a status change, serve a method in pages, require a token header, fail with an HTTP
 * status, or stop (connection refused).
 */
public final class FakeGocdb implements AutoCloseable {

    /** Where paged answers' next links point: GOCDB's public name, not this server (the client must stay here). */
    static final String CANONICAL_URL = "https://goc.example.org/gocdbpi/private/";

    private static final Map<String, String> FILTER_PARAMETER = Map.of(
            "get_site", "sitename", "get_site_contacts", "sitename", "get_cert_status_changes", "site", "get_ngi", "roc");
    private static final Map<String, String> FILTER_ELEMENT = Map.of(
            "get_site", "SHORT_NAME", "get_site_contacts", "SHORT_NAME", "get_cert_status_changes", "SITE", "get_ngi", "NAME");

    private final HttpServer server;
    private final Map<String, String> documents = new ConcurrentHashMap<>();
    private final Map<String, Integer> pageSizes = new ConcurrentHashMap<>();
    private final List<Map<String, String>> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<Map<String, List<String>>> requestHeaders = Collections.synchronizedList(new ArrayList<>());
    private volatile int failWithStatus;
    private volatile String requiredHeader;
    private volatile String requiredHeaderValue;
    private int nextChangeId = 9100;

    public FakeGocdb() {
        for (String method : List.of("get_site", "get_site_contacts", "get_ngi", "get_cert_status_changes")) {
            documents.put(method, sample(method));
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/gocdbpi/private/", this::handle);
        server.start();
    }

    static String sample(String method) {
        try (InputStream in = FakeGocdb.class.getResourceAsStream("/gocdb/" + method + ".xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/gocdbpi/private/");
    }

    GocdbClient client() {
        return new GocdbClient(url(), new GocdbCredentials.None());
    }

    /** As a portal user changing the status would: get_site shows the new status from now on. */
    public synchronized void setCertificationStatus(String site, String status) {
        Pattern p = Pattern.compile("(<SITE [^>]*NAME=\"" + Pattern.quote(site)
                + "\">.*?<CERTIFICATION_STATUS>)[^<]*(</CERTIFICATION_STATUS>)", Pattern.DOTALL);
        Matcher m = p.matcher(documents.get("get_site"));
        if (!m.find()) throw new IllegalArgumentException("no site " + site + " in get_site");
        documents.put("get_site", m.replaceFirst("$1" + Matcher.quoteReplacement(status) + "$2"));
    }

    /** A get_cert_status_changes entry, TIME and UNIX_TIME from the same instant as GOCDB writes them. */
    public synchronized void addStatusChange(String site, String from, String to, java.time.Instant at, String changedBy,
                                      String comment) {
        String time = java.time.format.DateTimeFormatter.ofPattern("dd-MMM-yyyy HH.mm.ss", java.util.Locale.ENGLISH)
                .withZone(java.time.ZoneOffset.UTC).format(at);
        String entry = "  <result ID=\"" + nextChangeId++ + "\">\n    <TIME>" + time + "</TIME>\n    <UNIX_TIME>"
                + at.getEpochSecond() + "</UNIX_TIME>\n    <SITE>" + site + "</SITE>\n    <OLD_STATUS>" + from
                + "</OLD_STATUS>\n    <NEW_STATUS>" + to + "</NEW_STATUS>\n    <CHANGED_BY>" + changedBy
                + "</CHANGED_BY>\n    <COMMENT>" + comment + "</COMMENT>\n  </result>\n";
        documents.put("get_cert_status_changes", documents.get("get_cert_status_changes").replace("</results>", entry + "</results>"));
    }

    /** Serve this body for the method instead of the sample. */
    void serve(String method, String xml) {
        documents.put(method, xml);
    }

    /** Answer paged requests ({@code next_cursor} given) for the method with this many results per page. */
    void servePages(String method, int pageSize) {
        pageSizes.put(method, pageSize);
    }

    void failWith(int httpStatus) {
        failWithStatus = httpStatus;
    }

    void recover() {
        failWithStatus = 0;
    }

    void requireHeader(String name, String value) {
        requiredHeader = name;
        requiredHeaderValue = value;
    }

    List<Map<String, String>> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    List<Map<String, List<String>>> requestHeaders() {
        synchronized (requestHeaders) {
            return List.copyOf(requestHeaders);
        }
    }

    long requestsFor(String method) {
        return requests().stream().filter(q -> method.equals(q.get("method"))).count();
    }

    /** Stops listening: the next requests are refused. */
    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            requests.add(query);
            requestHeaders.add(Map.copyOf(exchange.getRequestHeaders()));
            if (failWithStatus != 0) {
                send(exchange, failWithStatus, "<html><body>Service unavailable</body></html>");
                return;
            }
            if (requiredHeader != null && !requiredHeaderValue.equals(exchange.getRequestHeaders().getFirst(requiredHeader))) {
                send(exchange, 401, "<error>not authorised</error>");
                return;
            }
            String method = query.get("method");
            String document = method == null ? null : documents.get(method);
            if (document == null) {
                send(exchange, 400, "<error>unknown method " + method + "</error>");
                return;
            }
            send(exchange, 200, answer(method, document, query));
        }
    }

    private String answer(String method, String document, Map<String, String> query) {
        String filterParameter = FILTER_PARAMETER.get(method);
        String filter = filterParameter == null ? null : query.get(filterParameter);
        Integer pageSize = pageSizes.get(method);
        boolean paged = pageSize != null && query.containsKey("next_cursor");
        if (filter == null && !paged) return document; // byte for byte the sample
        Document doc;
        try {
            doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new java.io.ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception raw) {
            return document; // not for the fake to judge (the XXE test serves such bodies)
        }
        Element root = doc.getDocumentElement();
        List<Element> items = new ArrayList<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (filter == null || filter.equals(text(e, FILTER_ELEMENT.get(method))))) items.add(e);
        }
        int from = paged ? Integer.parseInt(query.get("next_cursor")) : 0;
        int to = paged ? Math.min(items.size(), from + pageSize) : items.size();
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<results>\n");
        if (paged) {
            Map<String, String> next = new LinkedHashMap<>(query);
            next.put("next_cursor", String.valueOf(to));
            out.append("  <meta>\n    <link rel=\"self\" href=\"").append(escape(CANONICAL_URL + "?" + encode(query)))
                    .append("\"/>\n    <link rel=\"next\" href=\"").append(escape(CANONICAL_URL + "?" + encode(next)))
                    .append("\"/>\n    <count>").append(to - from).append("</count>\n    <max_page_size>").append(pageSize)
                    .append("</max_page_size>\n  </meta>\n");
        }
        for (Element e : items.subList(Math.min(from, items.size()), to)) out.append("  ").append(serialise(e)).append('\n');
        return out.append("</results>\n").toString();
    }

    private static String text(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) return e.getTextContent().trim();
        }
        return parent.getAttribute("NAME");
    }

    private static String serialise(Element e) {
        try {
            var t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter w = new StringWriter();
            t.transform(new DOMSource(e), new StreamResult(w));
            return w.toString();
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null) return out;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String encode(Map<String, String> query) {
        StringBuilder sb = new StringBuilder();
        query.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return sb.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;");
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
