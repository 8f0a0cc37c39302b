package eu.egi.csirt.cvh.adapter.wiki;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.egi.csirt.cvh.domain.campaign.Channel;
import eu.egi.csirt.cvh.domain.campaign.OutboxEntry;
import eu.egi.csirt.cvh.domain.procedure.NotificationKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SEC03 4.5 / 6.4: the suspension record goes to the wiki page, on a real MediaWiki (Debian's
 * package, installed and started by .ci/mediawiki.sh). Fails, never skips, when the wiki cannot start.
 */
class Sec4_5_SuspensionRecordedOnTheWikiTest {

    static final int PORT = Integer.parseInt(System.getenv().getOrDefault("CVH_TEST_MW_PORT", "8081"));
    static final Path MW_DIR = Path.of(System.getenv().getOrDefault("CVH_TEST_MW_DIR", "/tmp/cvh-test-mw"));
    static final URI API = URI.create("http://127.0.0.1:" + PORT + "/api.php");
    static final Duration TIMEOUT = Duration.ofSeconds(20);
    static final HttpClient READER = HttpClient.newHttpClient();

    static String user;
    static String password;

    @BeforeAll
    static void startMediaWiki() throws Exception {
        long started = System.nanoTime();
        String output = runScript("up");
        System.out.printf("MediaWiki installed and started in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        Properties bot = new Properties();
        try (var in = Files.newBufferedReader(MW_DIR.resolve("bot.env"))) {
            bot.load(in);
        }
        user = bot.getProperty("CVH_WIKI_USER");
        password = bot.getProperty("CVH_WIKI_PASSWORD");
        assertThat(password).as("bot password written by .ci/mediawiki.sh up: " + output).isNotBlank();
    }

    @AfterAll
    static void stopMediaWiki() throws Exception {
        runScript("down");
    }

    @Test
    void a_suspension_record_is_appended_to_the_page_and_reads_back_raw_from_mediawiki() throws Exception {
        WikiConnector wiki = new WikiConnector(client(password), "");

        String revision = wiki.deliver(suspension("ADV-1/BETA/suspension/wiki", "Underperforming_sites_and_suspensions",
                "* BETA-GRID (NGI_IT) suspended 2026-12-01T10:00:00Z - advisory EGI-SVG-2026-31337 (CVE-2026-31337)"
                        + " - no response to the ticket and the final warning - ticket EGI-SVG-2026-31337/BETA-GRID"));

        assertThat(revision).isEqualTo(latestRevision("Underperforming_sites_and_suspensions"));
        assertThat(raw("Underperforming_sites_and_suspensions")).isEqualTo(
                "* <nowiki>BETA-GRID (NGI_IT) suspended 2026-12-01T10:00:00Z - advisory EGI-SVG-2026-31337 (CVE-2026-31337)"
                        + " - no response to the ticket and the final warning - ticket EGI-SVG-2026-31337/BETA-GRID</nowiki>"
                        + " <!-- cvh:ADV-1/BETA/suspension/wiki -->");
        assertThat(lastEditor("Underperforming_sites_and_suspensions")).as("the bot, not an anonymous edit").isEqualTo("Admin");
    }

    @Test
    void delivering_the_same_entry_twice_appends_it_once() throws Exception {
        OutboxEntry entry = suspension("ADV-2/GAMMA/suspension/wiki", "Twice", "* GAMMA (NGI_DE) suspended - ticket ADV-2/GAMMA");
        String first = new WikiConnector(client(password), "").deliver(entry);
        // a restart: a new client and session
        String second = new WikiConnector(client(password), "").deliver(entry);

        assertThat(second).isEqualTo(first);
        assertThat(raw("Twice").split("cvh:ADV-2/GAMMA/suspension/wiki", -1)).hasSize(2);
    }

    @Test
    void a_wrong_bot_password_is_a_clear_error_and_the_page_stays_unchanged() throws Exception {
        new WikiConnector(client(password), "").deliver(suspension("ADV-3/DELTA/suspension/wiki", "Unchanged", "* DELTA"));
        String before = raw("Unchanged");
        String revisionBefore = latestRevision("Unchanged");
        String wrongPassword = "0123456789abcdefghijklmnopqrstuv";

        assertThatThrownBy(() -> new WikiConnector(client(wrongPassword), "")
                .deliver(suspension("ADV-3/EPSILON/suspension/wiki", "Unchanged", "* EPSILON")))
                .isInstanceOf(WikiException.class)
                .hasMessageContaining("login as Admin@cvh")
                .hasMessageContaining("failed")
                .hasMessageContaining("CVH_WIKI_PASSWORD")
                .hasMessageNotContaining(wrongPassword);
        assertThat(raw("Unchanged")).isEqualTo(before);
        assertThat(latestRevision("Unchanged")).isEqualTo(revisionBefore);
    }

    @Test
    void appending_to_a_page_that_does_not_exist_creates_it() throws Exception {
        assertThat(rawStatus("Suspensions_2027")).isEqualTo(404);

        new WikiConnector(client(password), "Suspensions_2027")
                .deliver(suspension("ADV-4/ZETA/suspension/wiki", "Underperforming_sites_and_suspensions", "* ZETA (NGI_FR)"));

        assertThat(rawStatus("Suspensions_2027")).isEqualTo(200);
        assertThat(raw("Suspensions_2027")).isEqualTo("* <nowiki>ZETA (NGI_FR)</nowiki> <!-- cvh:ADV-4/ZETA/suspension/wiki -->");
    }

    @Test
    void an_expired_session_logs_in_again_instead_of_editing_anonymously() throws Exception {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        WikiConnector wiki = new WikiConnector(new MediaWikiClient(API, user, password, TIMEOUT, cookies), "");
        wiki.deliver(suspension("ADV-5/ETA/suspension/wiki", "Expired", "* ETA"));

        cookies.getCookieStore().removeAll();
        wiki.deliver(suspension("ADV-5/THETA/suspension/wiki", "Expired", "* THETA"));

        assertThat(raw("Expired")).isEqualTo("* <nowiki>ETA</nowiki> <!-- cvh:ADV-5/ETA/suspension/wiki -->\n"
                + "* <nowiki>THETA</nowiki> <!-- cvh:ADV-5/THETA/suspension/wiki -->");
        assertThat(lastEditor("Expired")).isEqualTo("Admin");
    }

    @Test
    void wiki_markup_in_a_reason_is_shown_as_written_and_cannot_end_the_marker() throws Exception {
        new WikiConnector(client(password), "").deliver(suspension("ADV-6/IOTA--x>/suspension/wiki", "Markup",
                "* IOTA - reason: see [[Main Page]] {{Delete}} <b>now</b>\n & more"));

        assertThat(raw("Markup")).isEqualTo("* <nowiki>IOTA - reason: see [[Main Page]] {{Delete}} &lt;b>now&lt;/b> &amp; more</nowiki>"
                + " <!-- cvh:ADV-6/IOTA-%2Dx%3E/suspension/wiki -->");
    }

    @Test
    void an_unknown_wiki_operation_is_refused() {
        OutboxEntry delete = new OutboxEntry("k", "ADV-7", 1L, "KAPPA", Channel.WIKI, "suspension", "delete",
                NotificationKind.NONE, List.of(), List.of(), "Page", "* KAPPA", "ref", null, Instant.now());
        SuspensionRecordSink neverCalled = (page, key, text) -> {
            throw new AssertionError("nothing may be written for an unknown operation");
        };

        assertThatThrownBy(() -> new WikiConnector(neverCalled, "").deliver(delete))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown operation 'delete'");
    }

    // ---------------------------------------------------------------- helpers

    static MediaWikiClient client(String botPassword) {
        return new MediaWikiClient(API, user, botPassword, TIMEOUT);
    }

    static OutboxEntry suspension(String key, String page, String record) {
        String site = key.split("/")[1];
        return new OutboxEntry(key, key.split("/")[0], 1L, site, Channel.WIKI, "suspension", "append", NotificationKind.NONE,
                List.of(), List.of(), page, record, key.split("/")[0] + "/" + site, null, Instant.parse("2026-12-01T10:00:00Z"));
    }

    static String runScript(String command) throws IOException, InterruptedException {
        Path log = Files.createDirectories(Path.of("target")).resolve("mediawiki-" + command + ".log");
        Process script = new ProcessBuilder("bash", ".ci/mediawiki.sh", command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        // bounded: the first `up` may install the Debian packages
        boolean finished = script.waitFor(10, TimeUnit.MINUTES);
        if (!finished) script.destroyForcibly();
        String output = Files.readString(log);
        if (!finished || script.exitValue() != 0) {
            throw new AssertionError(".ci/mediawiki.sh " + command + (finished ? " failed (exit " + script.exitValue() + ")" : " did not finish")
                    + ":\n" + output);
        }
        return output;
    }

    /** The page's wikitext as MediaWiki stores it, read anonymously. */
    static String raw(String title) throws Exception {
        HttpResponse<String> response = get(rawUri(title));
        assertThat(response.statusCode()).as("raw " + title).isEqualTo(200);
        return response.body();
    }

    static int rawStatus(String title) throws Exception {
        return get(rawUri(title)).statusCode();
    }

    static String latestRevision(String title) throws Exception {
        return lastRevision(title).path("revid").asText();
    }

    static String lastEditor(String title) throws Exception {
        return lastRevision(title).path("user").asText();
    }

    private static JsonNode lastRevision(String title) throws Exception {
        URI uri = URI.create(API + "?action=query&prop=revisions&rvprop=ids%7Cuser&format=json&formatversion=2&titles="
                + URLEncoder.encode(title, StandardCharsets.UTF_8));
        return new ObjectMapper().readTree(get(uri).body()).path("query").path("pages").path(0).path("revisions").path(0);
    }

    private static URI rawUri(String title) {
        return URI.create("http://127.0.0.1:" + PORT + "/index.php?action=raw&title=" + URLEncoder.encode(title, StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return READER.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
