package eu.egi.csirt.cvh.routes;

import eu.egi.csirt.cvh.adapter.gocdb.FakeGocdb;
import eu.egi.csirt.cvh.adapter.pakiti.PakitiTestServer;
import eu.egi.csirt.cvh.adapter.rt.RealRt;
import eu.egi.csirt.cvh.adapter.rt.RtClient;
import eu.egi.csirt.cvh.adapter.rt.RtTicket;
import eu.egi.csirt.cvh.support.Folders;
import eu.egi.csirt.cvh.support.Mailbox;
import eu.egi.csirt.cvh.support.RouteDriver;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A campaign end to end in virtual time through the real outside systems that run here: RT 5 and
 * MediaWiki from Debian's packages (started by .ci/rt.sh and .ci/mediawiki.sh), GreenMail for SMTP,
 * and HTTP servers speaking GOCDB's XML and Pakiti's CSV. ALPHA fixes (its RT ticket is resolved with thanks); BETA
 * never does (final warning in RT, OMB summary, suspension request to the coordinator; GOCDB flips
 * it to Suspended; the wiki record is read back from MediaWiki; the OMB and COO are told).
 */
class EndToEndWithRealSystemsTest {
    // HTTP servers in the test speak GOCDB's XML and Pakiti's CSV (they cannot run here)

    static final Path ROOT = Path.of("target/it/end-to-end");
    static final String HEADER = "tag,cve,site,host,os,arch,last_report\n";
    static final Path WIKI_DIR = Path.of(System.getenv().getOrDefault("CVH_TEST_MW_DIR", "/tmp/cvh-test-mw"));
    static final String WIKI_PORT = System.getenv().getOrDefault("CVH_TEST_MW_PORT", "8081");
    static Mailbox mailbox;
    static FakeGocdb gocdb;
    static PakitiTestServer pakiti;
    static Main runtime;

    @BeforeAll
    static void start() throws Exception {
        Folders.fresh(ROOT);
        RealRt.up();
        script("mediawiki.sh", "up");
        mailbox = new Mailbox(3937);
        gocdb = new FakeGocdb();
        pakiti = new PakitiTestServer();
        Map<String, String> bot = new HashMap<>();
        for (String line : Files.readAllLines(WIKI_DIR.resolve("bot.env"))) {
            String[] kv = line.split("=", 2);
            if (kv.length == 2) bot.put(kv[0].trim(), kv[1].trim());
        }
        Properties p = new Properties();
        p.putAll(Map.ofEntries(
                Map.entry("app.db.url", "jdbc:hsqldb:mem:end-to-end;hsqldb.tx=mvcc"),
                Map.entry("app.clock", "virtual:2026-11-24T10:00:00Z"),
                Map.entry("app.triggers.enabled", "false"),
                Map.entry("camel.main.routes-reload-enabled", "false"),
                Map.entry("app.smtp.host", "127.0.0.1"),
                Map.entry("app.smtp.port", "3937"),
                Map.entry("app.connectors", "MAIL,RT,WIKI"),
                Map.entry("app.rt.url", RealRt.URL.toString()),
                Map.entry("app.rt.user", "cvh"),
                Map.entry("app.rt.token", Files.readString(Path.of("/tmp/cvh-test-rt/cvh-token")).strip()),
                Map.entry("app.wiki.api-url", "http://127.0.0.1:" + WIKI_PORT + "/api.php"),
                Map.entry("app.wiki.user", bot.get("CVH_WIKI_USER")),
                Map.entry("app.wiki.password", bot.get("CVH_WIKI_PASSWORD")),
                Map.entry("app.gocdb.url", gocdb.url().toString()),
                Map.entry("app.pakiti.url", pakiti.url().toString()),
                Map.entry("app.advisories.folder", ROOT.resolve("advisories").toString()),
                Map.entry("app.status.folder", ROOT.resolve("status").toString()),
                Map.entry("app.decisions.folder", ROOT.resolve("decisions").toString())));
        runtime = new Main();
        runtime.setPropertyPlaceholderLocations("file:config/application.properties");
        runtime.setOverrideProperties(p);
        runtime.start();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (runtime != null) runtime.stop();
            if (mailbox != null) mailbox.stop();
            if (gocdb != null) gocdb.close();
            if (pakiti != null) pakiti.close();
        } finally {
            try {
                script("mediawiki.sh", "down");
            } finally {
                RealRt.down();
            }
        }
    }

    private static void script(String name, String command) throws Exception {
        Process process = new ProcessBuilder("bash", ".ci/" + name, command).inheritIO().start();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new AssertionError("`bash .ci/" + name + " " + command + "` failed: this test needs the real server");
        }
    }

    @Test
    void a_campaign_through_rt_gocdb_the_wiki_and_smtp() throws Exception {
        RouteDriver run = new RouteDriver(runtime.getCamelContext(), ROOT);
        ProducerTemplate camel = runtime.getCamelContext().createProducerTemplate();
        Runnable deliverConnectors = () -> camel.sendBody("direct:outbox-connectors-deliver", null);
        RtClient rt = RealRt.asRoot();

        pakiti.answer(PakitiTestServer.Answer.csv(HEADER
                + "EGI-Critical,CVE-2026-31337,ALPHA-LCG2,wn1.alpha.example.org,\"AlmaLinux 9.6, kernel 5.14\",x86_64,\"2026-11-24 06:13:55\"\n"
                + "EGI-Critical,CVE-2026-31337,BETA-GRID,ce1.beta.example.net,\"Rocky Linux 8.10\",x86_64,\"2026-11-23 22:40:10\"\n"));
        assertThat(camel.requestBody("direct:pakiti-poll-run", null, String.class)).contains("accepted");
        run.drop("advisories", "EGI-SVG-2026-31337.yaml", Files.readString(Path.of("config/samples/advisories/EGI-SVG-2026-31337.yaml")),
                "advisory-intake");
        run.tick();

        // SEC03 2.3: two sites, so each is written to, at the addresses GOCDB gives
        assertThat(mailbox.withSubject("ADVISORY")).hasSize(2);
        assertThat(mailbox.withSubject("ADVISORY").stream().filter(m -> m.concerns("BETA-GRID")).findFirst().orElseThrow().to())
                .contains("cert@beta.example.net");

        // SEC03 2.4: the tickets are opened in RT with the site's contacts and the deadline as due date
        run.runUntil(Instant.parse("2026-11-27T10:00:00Z"));
        deliverConnectors.run();
        RtTicket beta = RealRt.ticketOf(rt, "EGI-SVG-2026-31337", "BETA-GRID");
        assertThat(beta.requestors()).contains("cert@beta.example.net", "ben@beta.example.net");
        assertThat(beta.due()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(RealRt.allText(rt, beta.id())).contains("FAILURE TO ACT TO RESOLVE THIS PROBLEM WILL LEAD TO SITE SUSPENSION");
        assertThat(mailbox.withSubject("is vulnerable to")).as("RT, not cvh, mails the ticket to the site").isEmpty();

        // a site answers in RT: the reply is stored once for inbound processing
        rt.correspond(beta.id(), "We are on it, the kernel update is planned for Monday.", null);
        assertThat(camel.requestBody("direct:rt-replies-poll", null, Integer.class)).isEqualTo(1);
        assertThat(camel.requestBody("direct:rt-replies-poll", null, Integer.class)).as("stored once").isZero();

        // ALPHA fixes; SEC03 2.5: its ticket is resolved with thanks, BETA is reminded in RT
        // Pakiti: ALPHA's node reported again (listed only for an unrelated CVE), so it is fixed, not unreached
        pakiti.answer(PakitiTestServer.Answer.csv(HEADER
                + "EGI-Critical,CVE-2026-31337,BETA-GRID,ce1.beta.example.net,\"Rocky Linux 8.10\",x86_64,\"2026-11-27 22:40:10\"\n"
                + "EGI-Critical,CVE-2026-77777,ALPHA-LCG2,wn1.alpha.example.org,\"AlmaLinux 9.6\",x86_64,\"2026-11-27 23:00:00\"\n"));
        assertThat(camel.requestBody("direct:pakiti-poll-run", null, String.class)).contains("accepted");
        run.runUntil(Instant.parse("2026-11-28T10:00:00Z"));
        deliverConnectors.run();
        RtTicket alpha = RealRt.ticketOf(rt, "EGI-SVG-2026-31337", "ALPHA-LCG2");
        assertThat(alpha.status()).isEqualTo("resolved");
        assertThat(RealRt.allText(rt, alpha.id())).contains("Thank you for addressing this problem");
        assertThat(RealRt.allText(rt, beta.id())).contains("Our latest check").doesNotContain("Thank you for addressing");

        // SEC03 2.6, 4.1: final warning (in RT), OMB summary (mail)
        run.runUntil(Instant.parse("2026-11-30T10:00:00Z"));
        deliverConnectors.run();
        assertThat(RealRt.allText(rt, beta.id())).contains("THIS IS A FINAL REMINDER");
        assertThat(mailbox.withSubject("OMB summary")).singleElement()
                .satisfies(m -> assertThat(m.body()).contains("* BETA-GRID (NGI NGI_AA)").doesNotContain("* ALPHA-LCG2"));

        // SEC03 4.2, 4.5: proposed, confirmed, the coordinator asked to suspend in GOCDB
        run.runUntil(Instant.parse("2026-12-01T10:00:00Z"));
        run.decision("beta-suspend.yaml", """
                campaign: EGI-SVG-2026-31337
                site: BETA-GRID
                decision: confirm-suspension
                reason: no response to the advisory, the ticket, the reminders and the final warning
                """);
        deliverConnectors.run();
        assertThat(mailbox.withSubject("PLEASE SUSPEND BETA-GRID")).singleElement().satisfies(m -> {
            assertThat(m.to()).containsExactly("csirt-coordinator@example.org");
            assertThat(m.body()).contains("certification status to 'Suspended' in GOCDB").contains("no response to the advisory");
        });
        assertThat(mailbox.withSubject("Site suspended")).as("not before GOCDB shows it").isEmpty();

        // the coordinator suspends BETA in the GOCDB portal; cvh sees it, records it on the wiki, tells OMB and COO
        Instant inPortal = Instant.parse("2026-12-01T11:05:00Z");
        gocdb.setCertificationStatus("BETA-GRID", "Suspended");
        gocdb.addStatusChange("BETA-GRID", "Certified", "Suspended", inPortal, "/DC=org/DC=example/CN=Csirt Coordinator",
                "critical vulnerability CVE-2026-31337");
        run.clock.set(Instant.parse("2026-12-01T11:10:00Z"));
        camel.sendBody("direct:gocdb-suspension-check-run", null);
        camel.sendBody("direct:outbox-mail-deliver", null);
        deliverConnectors.run();
        assertThat(mailbox.withSubject("Site suspended")).singleElement().satisfies(m -> {
            assertThat(m.to()).containsExactly("noc-managers@mailman.egi.eu", "coo@egi.eu");
            assertThat(m.body()).contains("BETA-GRID (NGI NGI_AA) was suspended at Tuesday 1 December 2026, 11:05 UTC");
        });
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + WIKI_PORT
                + "/index.php?title=Underperforming_sites_and_suspensions&action=raw")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("BETA-GRID").contains("2026-12-01T11:05:00Z").contains("CN=Csirt Coordinator")
                .contains("EGI-SVG-2026-31337");
        assertThat(RealRt.ticketOf(rt, "EGI-SVG-2026-31337", "BETA-GRID").status()).as("SDIS-3b: suspend and close the ticket").isEqualTo("resolved");

        // SDIS step 1: the incident response team opens a ticket by hand; cvh puts it under the SDIS procedure
        // and adopts it (no second ticket)
        long byHand = rt.createTicket(new eu.egi.csirt.cvh.adapter.rt.NewTicket(RealRt.QUEUE,
                "CVE-2026-55555: vulnerable kernel at DELTA-T2", List.of("security@delta.example.com"), List.of(),
                Instant.parse("2026-12-04T11:10:00Z"), "Please update the kernel on se01.", Map.of()));
        camel.sendBody("direct:rt-tickets-poll", null);
        deliverConnectors.run();
        var wiring = runtime.getCamelContext().getRegistry().lookupByNameAndType("wiring", eu.egi.csirt.cvh.app.Wiring.class);
        java.util.Optional<eu.egi.csirt.cvh.domain.campaign.Campaign> sdis = wiring.store.inTransaction(tx -> tx.campaign("RT-" + byHand));
        assertThat(sdis).hasValueSatisfying(c -> {
            assertThat(c.procedureId()).isEqualTo("sdis-ticket");
            assertThat(c.cves()).containsExactly("CVE-2026-55555");
        });
        List<RtTicket> adopted = rt.search("Subject LIKE " + RtClient.quote("[cvh:RT-" + byHand + "/DELTA-T2]"));
        assertThat(adopted).extracting(RtTicket::id).containsExactly(byHand);
        camel.sendBody("direct:rt-tickets-poll", null);
        List<eu.egi.csirt.cvh.domain.campaign.Campaign> all = wiring.store.inTransaction(tx -> tx.campaigns());
        assertThat(all.stream().filter(c -> c.id().startsWith("RT-"))).hasSize(1);
    }
}
