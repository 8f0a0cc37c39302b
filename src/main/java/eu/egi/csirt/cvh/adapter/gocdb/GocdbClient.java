package eu.egi.csirt.cvh.adapter.gocdb;

import org.w3c.dom.Element;
import org.xml.sax.SAXException;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * GOCDB programmatic interface (read, XML): {@code get_site}, {@code get_site_contacts}, {@code get_ngi},
 * {@code get_cert_status_changes}. List calls use GOCDB's optional cursor paging ({@code next_cursor=0}, then the
 * {@code next} link of {@code <meta>}) until a page is empty or has no next link, at most {@code maxPages} pages.
 * Every request goes to the configured base URL (e.g. {@code https://goc.egi.eu/gocdbpi/private/}): only the paging
 * parameters are taken from a next link, so credentials never follow a link to another host.
 */
public final class GocdbClient {

    public record Site(String name, String ngi, String certificationStatus, String contactEmail, String csirtEmail,
                       String portalUrl) {
    }

    public record Contact(String site, String roleName, String email, String forename, String surname) {
    }

    public record Ngi(String name, String securityEmail, String rodEmail, String email) {
    }

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_PAGES = 1000;
    private static final Set<String> PAGING_PARAMETERS = Set.of("next_cursor", "prev_cursor", "page");

    private final URI baseUrl;
    private final GocdbCredentials credentials;
    private final String scope;
    private final Duration timeout;
    private final int maxPages;
    private final HttpClient http;

    /**
     * @param baseUrl     the PI entry point, e.g. {@code https://goc.egi.eu/gocdbpi/private/}
     * @param credentials client certificate, token header or none
     * @param scope       GOCDB scope tags for sites and NGIs (e.g. {@code EGI}); null sends none (the instance
     *                    default), "" asks for every scope
     * @param timeout     per request
     * @param maxPages    a paged listing longer than this is an error, never a silently cut list
     */
    public GocdbClient(URI baseUrl, GocdbCredentials credentials, String scope, Duration timeout, int maxPages) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.scope = scope;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (maxPages < 1) throw new IllegalArgumentException("maxPages must be at least 1");
        this.maxPages = maxPages;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER);
        if (credentials instanceof GocdbCredentials.ClientCertificate cert) builder.sslContext(sslContext(cert));
        this.http = builder.build();
    }

    public GocdbClient(URI baseUrl, GocdbCredentials credentials) {
        this(baseUrl, credentials, null, DEFAULT_TIMEOUT, DEFAULT_MAX_PAGES);
    }

    public List<Site> sites() {
        return getAll("get_site", scoped(Map.of())).stream().map(GocdbClient::site).toList();
    }

    public Optional<Site> site(String siteName) {
        return getAll("get_site", scoped(Map.of("sitename", siteName))).stream().map(GocdbClient::site)
                .filter(s -> s.name().equalsIgnoreCase(siteName)).findFirst();
    }

    public List<Contact> siteContacts() {
        return getAll("get_site_contacts", scoped(Map.of())).stream().flatMap(e -> contacts(e).stream()).toList();
    }

    public List<Contact> siteContacts(String siteName) {
        return getAll("get_site_contacts", scoped(Map.of("sitename", siteName))).stream()
                .flatMap(e -> contacts(e).stream()).filter(c -> c.site().equalsIgnoreCase(siteName)).toList();
    }

    public List<Ngi> ngis() {
        return getAll("get_ngi", scoped(Map.of())).stream().map(GocdbClient::ngi).toList();
    }

    /** Changes of the site's certification status, from {@code startDate} (a day, GOCDB's granularity) if given. */
    public List<StatusChange> certStatusChanges(String siteName, LocalDate startDate) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("site", siteName);
        if (startDate != null) params.put("startdate", startDate.toString());
        List<StatusChange> out = new ArrayList<>();
        for (Element e : getAll("get_cert_status_changes", params)) {
            try {
                out.add(new StatusChange(GocdbXml.text(e, "SITE"), GocdbXml.text(e, "OLD_STATUS"), GocdbXml.text(e, "NEW_STATUS"),
                        GocdbTime.parse(GocdbXml.text(e, "TIME"), GocdbXml.text(e, "UNIX_TIME")),
                        GocdbXml.text(e, "CHANGED_BY"), GocdbXml.text(e, "COMMENT")));
            } catch (IllegalArgumentException unreadable) {
                throw new GocdbException("get_cert_status_changes", 200, "change " + e.getAttribute("ID") + ": "
                        + unreadable.getMessage(), unreadable);
            }
        }
        return out.stream().filter(c -> c.site().equalsIgnoreCase(siteName)).toList();
    }

    private Map<String, String> scoped(Map<String, String> params) {
        Map<String, String> out = new LinkedHashMap<>(params);
        if (scope != null) out.put("scope", scope);
        return out;
    }

    /** Every result element of a method, following the pages. */
    List<Element> getAll(String method, Map<String, String> params) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("method", method);
        query.putAll(params);
        query.put("next_cursor", "0");
        List<Element> all = new ArrayList<>();
        Set<Map<String, String>> requestedPages = new HashSet<>();
        for (int page = 1; ; page++) {
            requestedPages.add(pagingOf(query));
            GocdbXml.Page result = get(method, query);
            all.addAll(result.items());
            if (result.isLast()) return all;
            Map<String, String> next = pagingParameters(result.nextHref().get());
            if (next.isEmpty()) return all; // a next link without a cursor: nothing to follow
            if (requestedPages.contains(next)) {
                throw new GocdbException(method, 200, "paging does not advance (next link " + next + ")");
            }
            if (page == maxPages) {
                throw new GocdbException(method, 200, "more than " + maxPages + " pages; refusing a partial list");
            }
            query.keySet().removeAll(PAGING_PARAMETERS);
            query.putAll(next);
        }
    }

    private GocdbXml.Page get(String method, Map<String, String> query) {
        HttpRequest.Builder request = HttpRequest.newBuilder(withQuery(query)).timeout(timeout)
                .header("Accept", "application/xml").GET();
        if (credentials instanceof GocdbCredentials.TokenHeader token) request.header(token.headerName(), token.token());
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new GocdbException(method, 0, "not reachable at " + baseUrl.getHost() + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GocdbException(method, 0, "interrupted", e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new GocdbException(method, response.statusCode(), "unexpected response: " + snippet(body));
            }
            return GocdbXml.parsePage(body);
        } catch (SAXException e) {
            throw new GocdbException(method, response.statusCode(), "XML rejected: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new GocdbException(method, response.statusCode(), "reading the response failed: " + describe(e), e);
        }
    }

    private URI withQuery(Map<String, String> query) {
        String encoded = query.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        String base = baseUrl.toString();
        return URI.create(base + (baseUrl.getRawQuery() == null ? "?" : "&") + encoded);
    }

    private static Map<String, String> pagingOf(Map<String, String> query) {
        Map<String, String> out = new LinkedHashMap<>();
        query.forEach((k, v) -> { if (PAGING_PARAMETERS.contains(k)) out.put(k, v); });
        return out;
    }

    private static Map<String, String> pagingParameters(String href) {
        String rawQuery;
        try {
            rawQuery = URI.create(href).getRawQuery();
        } catch (IllegalArgumentException e) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery == null) return out;
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (PAGING_PARAMETERS.contains(key) && !"prev_cursor".equals(key)) {
                out.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static Site site(Element e) {
        String name = GocdbXml.text(e, "SHORT_NAME");
        return new Site(name.isEmpty() ? e.getAttribute("NAME") : name, GocdbXml.text(e, "ROC"),
                GocdbXml.text(e, "CERTIFICATION_STATUS"), GocdbXml.text(e, "CONTACT_EMAIL"), GocdbXml.text(e, "CSIRT_EMAIL"),
                GocdbXml.text(e, "GOCDB_PORTAL_URL"));
    }

    private static List<Contact> contacts(Element siteElement) {
        String name = GocdbXml.text(siteElement, "SHORT_NAME");
        String site = name.isEmpty() ? siteElement.getAttribute("NAME") : name;
        return GocdbXml.children(siteElement, "CONTACT").stream()
                .map(c -> new Contact(site, GocdbXml.text(c, "ROLE_NAME"), GocdbXml.text(c, "EMAIL"),
                        GocdbXml.text(c, "FORENAME"), GocdbXml.text(c, "SURNAME")))
                .toList();
    }

    private static Ngi ngi(Element e) {
        String name = GocdbXml.text(e, "NAME");
        return new Ngi(name.isEmpty() ? e.getAttribute("NAME") : name, GocdbXml.text(e, "SECURITY_EMAIL"),
                GocdbXml.text(e, "ROD_EMAIL"), GocdbXml.text(e, "EMAIL"));
    }

    private static SSLContext sslContext(GocdbCredentials.ClientCertificate cert) {
        try (InputStream in = Files.newInputStream(cert.pkcs12Keystore())) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, cert.password());
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keyStore, cert.password());
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(kmf.getKeyManagers(), null, null); // the JVM's trust store checks GOCDB's server certificate
            return ssl;
        } catch (IOException | GeneralSecurityException e) {
            // the message names the file, never the password
            throw new IllegalArgumentException("GOCDB client certificate " + cert.pkcs12Keystore() + " cannot be used: "
                    + describe(e), e);
        }
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static String snippet(InputStream body) throws IOException {
        String text = new String(body.readNBytes(300), StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim();
        return text.isEmpty() ? "(empty body)" : text;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
