package eu.egi.csirt.cvh.adapter.pakiti;

import eu.egi.csirt.cvh.adapter.store.FeedImport;
import eu.egi.csirt.cvh.adapter.store.JdbcVulnerabilityStatus;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.BufferedReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Polls Pakiti 3's {@code api/hosts.php} (or reads a {@code file:} URL) and hands the rows to the store as one
 * import: all of it or nothing. An HTTP failure, a wrong header, a malformed or truncated body, or an empty feed
 * while hosts were vulnerable is recorded as refused, with the reason, and changes no data.
 *
 * <p>hosts.php lists only hosts vulnerable to a tagged CVE. A host's last report after it stopped being
 * vulnerable is therefore learnt only from its other rows: the main feed's rows for other CVEs, and, with
 * {@code reportQuery}, a second query without the tag/cveName/activity filters (every host vulnerable to any
 * tagged CVE). A host clean of every tagged CVE never appears again; the officer can confirm its report
 * ({@link JdbcVulnerabilityStatus#confirmReported}), otherwise it stays UNREACHED.
 */
public final class PakitiFeed {

    /**
     * Where and how to fetch. {@code tag} defaults to EGI-Critical; {@code cveName}, {@code hostGroup},
     * {@code activity} (e.g. "7d": reported within 7 days) are passed to hosts.php when set. Basic auth when
     * {@code user} is set; an X.509 client certificate when {@code keystore} (PKCS12) is set.
     */
    public record Settings(URI url, String tag, String cveName, String hostGroup, String activity, boolean reportQuery,
                           String user, String password, Path keystore, String keystorePassword,
                           Path truststore, String truststorePassword, ZoneId pakitiZone, Duration timeout) {
        public Settings {
            if (url == null) throw new IllegalArgumentException("app.pakiti.url is required");
            tag = blank(tag) ? "EGI-Critical" : tag;
            pakitiZone = pakitiZone == null ? ZoneId.of("UTC") : pakitiZone;
            timeout = timeout == null ? Duration.ofMinutes(5) : timeout;
        }

        public static Settings of(URI url) {
            return new Settings(url, null, null, null, null, false, null, null, null, null, null, null, null, null);
        }

        public Settings withFilters(String tag, String cveName, String hostGroup, String activity) {
            return new Settings(url, tag, cveName, hostGroup, activity, reportQuery, user, password, keystore, keystorePassword,
                    truststore, truststorePassword, pakitiZone, timeout);
        }

        public Settings withReportQuery(boolean on) {
            return new Settings(url, tag, cveName, hostGroup, activity, on, user, password, keystore, keystorePassword,
                    truststore, truststorePassword, pakitiZone, timeout);
        }

        public Settings withBasicAuth(String user, String password) {
            return new Settings(url, tag, cveName, hostGroup, activity, reportQuery, user, password, keystore, keystorePassword,
                    truststore, truststorePassword, pakitiZone, timeout);
        }

        public Settings withClientCertificate(Path keystore, String keystorePassword, Path truststore, String truststorePassword) {
            return new Settings(url, tag, cveName, hostGroup, activity, reportQuery, user, password, keystore, keystorePassword,
                    truststore, truststorePassword, pakitiZone, timeout);
        }

        public Settings withTimeout(Duration timeout) {
            return new Settings(url, tag, cveName, hostGroup, activity, reportQuery, user, password, keystore, keystorePassword,
                    truststore, truststorePassword, pakitiZone, timeout);
        }

        public Settings withPakitiZone(ZoneId zone) {
            return new Settings(url, tag, cveName, hostGroup, activity, reportQuery, user, password, keystore, keystorePassword,
                    truststore, truststorePassword, zone, timeout);
        }

        @Override
        public String toString() {   // never the password
            return "PakitiFeed.Settings[" + url + ", tag=" + tag + ", cveName=" + cveName + ", hostGroup=" + hostGroup
                    + ", activity=" + activity + ", user=" + user + ", keystore=" + keystore + "]";
        }
    }

    private final Settings settings;
    private final JdbcVulnerabilityStatus store;
    private final Clock clock;
    private final HttpClient http;

    public PakitiFeed(Settings settings, JdbcVulnerabilityStatus store, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.clock = clock;
        this.http = isFile(settings.url()) ? null : client(settings);
    }

    /** One poll: fetch, parse, and either apply the whole feed or record why it was refused. */
    public FeedImport.Result poll() {
        Instant at = clock.instant();
        URI main = withQuery(settings.url(), mainQuery());
        FeedImport.Scope scope = new FeedImport.Scope(blank(settings.cveName()) ? null : settings.cveName(),
                blank(settings.hostGroup()) ? null : settings.hostGroup());
        try (FeedImport feed = store.beginImport(display(main), scope, at)) {
            try {
                read(main, row -> {
                    if (settings.tag().equals(row.tag())) feed.listed(row.site(), row.cve(), row.host(), row.lastReport());
                    else feed.reported(row.site(), row.cve(), row.host(), row.lastReport());   // another tag: evidence only
                });
                if (settings.reportQuery() && !isFile(settings.url())) {
                    read(withQuery(settings.url(), reportQuery()), row -> feed.reported(row.site(), row.cve(), row.host(), row.lastReport()));
                }
            } catch (IOException | RuntimeException e) {
                return feed.refuse(e.getMessage() == null ? e.toString() : e.getMessage());
            }
            return feed.accept();
        }
    }

    private Map<String, String> mainQuery() {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("tag", settings.tag());
        if (!blank(settings.cveName())) q.put("cveName", settings.cveName());
        if (!blank(settings.hostGroup())) q.put("hostGroup", settings.hostGroup());
        if (!blank(settings.activity())) q.put("activity", settings.activity());
        return q;
    }

    /** Without tag (hosts.php then means "any tagged CVE"), cveName and activity: only for last reports. */
    private Map<String, String> reportQuery() {
        Map<String, String> q = new LinkedHashMap<>();
        if (!blank(settings.hostGroup())) q.put("hostGroup", settings.hostGroup());
        return q;
    }

    private void read(URI uri, PakitiCsv.RowSink sink) throws IOException {
        String source = display(uri);
        if (isFile(uri)) {
            Path file = Path.of(uri);
            try (CountingStream in = new CountingStream(Files.newInputStream(file))) {
                parse(source, in, OptionalLong.of(Files.size(file)), sink);
            }
            return;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(settings.timeout()).header("Accept", "text/csv").GET();
        if (!blank(settings.user())) {
            String pair = settings.user() + ":" + (settings.password() == null ? "" : settings.password());
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(source + ": interrupted", e);
        } catch (IOException e) {
            throw new IOException(source + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
        // HttpClient's timeout ends at the headers: a body that stalls would block the poller for ever
        Watchdog watchdog = new Watchdog(Thread.currentThread(), response.body(), settings.timeout());
        try (CountingStream in = new CountingStream(response.body())) {
            if (response.statusCode() != 200) {
                throw new IOException(source + ": HTTP " + response.statusCode());
            }
            parse(source, in, response.headers().firstValueAsLong("Content-Length"), sink);
        } catch (IOException e) {
            if (watchdog.fired()) throw new IOException(source + ": no complete answer within " + settings.timeout() + " (stalled or truncated)", e);
            throw e;
        } finally {
            watchdog.stop();
        }
    }

    /**
     * Closes the body and interrupts the reading thread when the answer takes too long: HttpClient's body stream
     * ignores a bare interrupt, but fails once it is closed and woken.
     */
    private static final class Watchdog {
        private static final java.util.concurrent.ScheduledExecutorService TIMER =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "pakiti-feed-watchdog");
                    t.setDaemon(true);
                    return t;
                });
        private final java.util.concurrent.ScheduledFuture<?> alarm;
        private boolean done;
        private boolean fired;

        Watchdog(Thread reader, InputStream body, Duration timeout) {
            alarm = TIMER.schedule(() -> {
                synchronized (this) {
                    if (done) return;
                    fired = true;
                    try {
                        body.close();
                    } catch (IOException e) {
                        // the interrupt below still ends the read
                    }
                    reader.interrupt();
                }
            }, timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }

        synchronized boolean fired() { return fired; }

        void stop() {
            alarm.cancel(false);
            synchronized (this) {
                done = true;
                if (fired) Thread.interrupted();   // the interrupt was ours: do not leak it to the caller
            }
        }
    }

    private void parse(String source, CountingStream in, OptionalLong contentLength, PakitiCsv.RowSink sink) throws IOException {
        Reader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        PakitiCsv.read(source, reader, settings.pakitiZone(), sink);
        if (contentLength.isPresent() && in.count != contentLength.getAsLong()) {
            throw new PakitiCsv.FeedException(source + ": truncated: " + in.count + " bytes of " + contentLength.getAsLong());
        }
        if (in.count > 0 && in.last != '\n' && in.last != '\r') {
            // fputcsv ends every record with a line break: a feed cut after a closing quote ends without one
            throw new PakitiCsv.FeedException(source + ": truncated: the last record has no line break");
        }
    }

    private static HttpClient client(Settings s) {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).followRedirects(HttpClient.Redirect.NORMAL);
        if (s.keystore() != null || s.truststore() != null) b.sslContext(sslContext(s));
        return b.build();
    }

    /** The client certificate (PKCS12) and, if given, the CAs to trust (else the JDK's). */
    static SSLContext sslContext(Settings s) {
        try {
            KeyManagerFactory kmf = null;
            if (s.keystore() != null) {
                char[] pw = s.keystorePassword() == null ? new char[0] : s.keystorePassword().toCharArray();
                KeyStore ks = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(s.keystore())) { ks.load(in, pw); }
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(ks, pw);
            }
            TrustManagerFactory tmf = null;
            if (s.truststore() != null) {
                KeyStore ts = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(s.truststore())) {
                    ts.load(in, s.truststorePassword() == null ? null : s.truststorePassword().toCharArray());
                }
                tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(ts);
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("Pakiti client certificate " + s.keystore() + ": " + e.getMessage(), e);
        }
    }

    static URI withQuery(URI base, Map<String, String> query) {
        if (isFile(base) || query.isEmpty()) return base;
        String q = query.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String s = base.toString();
        return URI.create(s + (s.contains("?") ? "&" : "?") + q);
    }

    /** The URL as recorded and logged: never with user info. */
    private static String display(URI uri) {
        return uri.getUserInfo() == null ? uri.toString() : uri.toString().replace(uri.getRawUserInfo() + "@", "");
    }

    private static boolean isFile(URI uri) {
        return "file".equalsIgnoreCase(uri.getScheme());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Counts bytes and remembers the last one, to tell a complete feed from a truncated one. */
    private static final class CountingStream extends FilterInputStream {
        long count;
        int last = -1;

        CountingStream(InputStream in) { super(in); }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) { count++; last = b; }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) { count += n; last = buf[off + n - 1]; }
            return n;
        }
    }
}
