package eu.egi.csirt.cvh.routes;

import eu.egi.csirt.cvh.adapter.pakiti.PakitiTestServer;
import eu.egi.csirt.cvh.adapter.rt.RealRt;
import eu.egi.csirt.cvh.adapter.rt.RtClient;
import eu.egi.csirt.cvh.adapter.rt.RtTicket;
import eu.egi.csirt.cvh.app.Wiring;
import eu.egi.csirt.cvh.domain.campaign.CaseStatus;
import eu.egi.csirt.cvh.domain.campaign.SiteCase;
import eu.egi.csirt.cvh.support.Folders;
import eu.egi.csirt.cvh.support.Mailbox;
import eu.egi.csirt.cvh.support.ReplyMail;
import eu.egi.csirt.cvh.support.RouteDriver;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static eu.egi.csirt.cvh.support.ReplyMail.aReply;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4 end to end, in virtual time: sites answer by mail (GreenMail IMAP) and in their RT ticket (a
 * real RT 5, the reply going in through rt-mailgate as a site's mail does); the runtime stores, matches,
 * understands and acts on each reply as seed 002 and SEC03 7 say.
 */
class Sdis2_3_RepliesEndToEndTest {

    static final Path ROOT = Path.of("target/it/replies-end-to-end");
    static final String HEADER = "tag,cve,site,host,os,arch,last_report\n";
    static final String CAMPAIGN = "EGI-SVG-2026-31337";
    static Mailbox mailbox;
    static PakitiTestServer pakiti;
    static Main runtime;
    static Wiring wiring;

    @BeforeAll
    static void start() throws Exception {
        Folders.fresh(ROOT);
        RealRt.up();
        mailbox = new Mailbox(3938, 3939, "csirt-duty@example.org", "inbox-secret");
        pakiti = new PakitiTestServer();
        Properties p = new Properties();
        p.putAll(Map.ofEntries(
                Map.entry("app.db.url", "jdbc:hsqldb:mem:replies-end-to-end;hsqldb.tx=mvcc"),
                Map.entry("app.clock", "virtual:2026-11-24T10:00:00Z"),
                Map.entry("app.triggers.enabled", "false"),
                Map.entry("camel.main.routes-reload-enabled", "false"),
                Map.entry("app.smtp.host", "127.0.0.1"),
                Map.entry("app.smtp.port", "3938"),
                Map.entry("app.imap.enabled", "true"),
                Map.entry("app.imap.host", "127.0.0.1"),
                Map.entry("app.imap.port", "3939"),
                Map.entry("app.imap.username", "csirt-duty@example.org"),
                Map.entry("app.imap.password", "inbox-secret"),
                Map.entry("app.imap.poll-millis", "200"),
                Map.entry("app.connectors", "MAIL,RT"),
                Map.entry("app.rt.url", RealRt.URL.toString()),
                Map.entry("app.rt.user", "cvh"),
                Map.entry("app.rt.token", Files.readString(Path.of("/tmp/cvh-test-rt/cvh-token")).strip()),
                Map.entry("app.directory.file", "src/test/resources/it/sites.csv"),
                Map.entry("app.pakiti.url", pakiti.url().toString()),
                Map.entry("app.advisories.folder", ROOT.resolve("advisories").toString()),
                Map.entry("app.status.folder", ROOT.resolve("status").toString()),
                Map.entry("app.decisions.folder", ROOT.resolve("decisions").toString())));
        runtime = new Main();
        runtime.setPropertyPlaceholderLocations("file:config/application.properties");
        runtime.setOverrideProperties(p);
        runtime.start();
        wiring = runtime.getCamelContext().getRegistry().lookupByNameAndType("wiring", Wiring.class);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (runtime != null) runtime.stop();
            if (mailbox != null) mailbox.stop();
            if (pakiti != null) pakiti.close();
        } finally {
            RealRt.down();
        }
    }

    @Test
    void each_kind_of_reply_drives_its_effect_through_imap_and_rt() throws Exception {
        RouteDriver run = new RouteDriver(runtime.getCamelContext(), ROOT);
        ProducerTemplate camel = runtime.getCamelContext().createProducerTemplate();
        RtClient rt = RealRt.asRoot();

        pakiti.answer(PakitiTestServer.Answer.csv(HEADER
                + "EGI-Critical,CVE-2026-31337,ALPHA-LCG2,wn1.alpha.example.org,\"AlmaLinux 9.6\",x86_64,\"2026-11-24 06:00:00\"\n"
                + "EGI-Critical,CVE-2026-31337,BETA-GRID,ce1.beta.example.net,\"Rocky Linux 8.10\",x86_64,\"2026-11-24 06:00:00\"\n"
                + "EGI-Critical,CVE-2026-31337,GAMMA-CLOUD,vm1.gamma.example.com,\"Ubuntu 24.04\",x86_64,\"2026-11-24 06:00:00\"\n"
                + "EGI-Critical,CVE-2026-31337,DELTA-T2,se01.delta.example.com,\"AlmaLinux 9.6\",x86_64,\"2026-11-24 06:00:00\"\n"));
        assertThat(camel.requestBody("direct:pakiti-poll-run", null, String.class)).contains("accepted");
        run.drop("advisories", CAMPAIGN + ".yaml", Files.readString(Path.of("config/samples/advisories/" + CAMPAIGN + ".yaml"))
                + "mitigations:\n  - kernel.unprivileged_userns_clone=0\n", "advisory-intake");
        run.tick();
        // SEC03 2.3: four sites, each written to individually; their answers thread to the case
        assertThat(mailbox.withSubject("ADVISORY")).hasSize(4);
        String toGamma = advisoryTo("GAMMA-CLOUD");
        String toDelta = advisoryTo("DELTA-T2");

        // replies by mail: an out-of-office, a "not affected", the advisory's own mitigation (no reference:
        // the sender is the only open case's contact), a bounce, and a stranger's question
        mailbox.arrives(aReply().from("security@gamma.example.com").subject("Automatic reply: ADVISORY").inReplyTo(toGamma)
                .header("Auto-Submitted", "auto-replied").text("I am out of the office until 1 December.").message());
        mailbox.arrives(aReply().from("security@delta.example.com").subject("Re: ADVISORY").inReplyTo(toDelta)
                .text("Hello,\n\nour site is not affected: all our storage nodes run a kernel without the vulnerable module.\n\nRegards").message());
        mailbox.arrives(aReply().from("cert@beta.example.net").subject("kernel issue")
                .text("As a mitigation we set kernel.unprivileged_userns_clone=0 on all nodes until the reboot next week.").message());
        mailbox.arrives(new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(ReplyMail.deliveryFailure("admin@delta.example.com", toDelta))));
        mailbox.arrives(aReply().from("someone@elsewhere.example").subject("certificates?").text("How do I renew my certificate?").message());
        awaitStored(5);
        camel.sendBody("direct:reply-processing-run", null);
        camel.sendBody("direct:outbox-mail-deliver", null);

        assertThat(replyStatuses()).containsEntry("security@gamma.example.com", "IGNORED")
                .containsEntry("security@delta.example.com", "PROCESSED")
                .containsEntry("cert@beta.example.net", "PROCESSED")
                .containsEntry("MAILER-DAEMON@mx.example.org", "PROCESSED")
                .containsEntry("someone@elsewhere.example", "UNMATCHED");
        assertThat(caseOf("GAMMA-CLOUD").acknowledgedAt()).as("an out-of-office is no response").isNull();
        assertThat(caseOf("DELTA-T2").pendingDecision()).contains("not vulnerable");
        assertThat(mailbox.withSubject("DECISION NEEDED: reply from DELTA-T2")).singleElement()
                .satisfies(m -> assertThat(m.body()).contains("all our storage nodes run a kernel"));
        assertThat(mailbox.withSubject("contact of DELTA-T2 bounced: admin@delta.example.com")).hasSize(1);
        assertThat(caseOf("BETA-GRID").followUp()).isEqualTo(SiteCase.FollowUp.MITIGATION);

        // a day later: the advisory's mitigation is put to the officer (the monitoring cannot show it)
        run.runUntil(Instant.parse("2026-11-25T11:00:00Z"));
        awaitStored(7);   // the officer's own notices came back into the inbox: they are automatic, so ignored
        camel.sendBody("direct:reply-processing-run", null);
        assertThat(mailbox.withSubject("DECISION NEEDED: reply from BETA-GRID")).singleElement()
                .satisfies(m -> assertThat(m.body()).contains("mitigation a day ago"));
        assertThat(count("SELECT COUNT(*) FROM inbound_message WHERE sender = 'csirt-duty@example.org' AND status <> 'IGNORED'"))
                .as("no mail loop").isZero();

        // SEC03 2.4: tickets in RT; after the bounce, DELTA's operational contact is on its ticket
        run.runUntil(Instant.parse("2026-11-27T10:00:00Z"));
        camel.sendBody("direct:outbox-connectors-deliver", null);
        RtTicket delta = RealRt.ticketOf(rt, CAMPAIGN, "DELTA-T2");
        assertThat(delta.requestors()).contains("security@delta.example.com", "ops@delta.example.com");

        // GAMMA acknowledges in its RT ticket; DELTA asks for time, with a date, by mail to the ticket's thread
        RtTicket gamma = RealRt.ticketOf(rt, CAMPAIGN, "GAMMA-CLOUD");
        mailgate("security@gamma.example.com", "Re: [rt.test #" + gamma.id() + "] " + gamma.subject(),
                "Hello, we are aware of the issue and working on it. The update is planned for Monday.");
        mailbox.arrives(aReply().from("security@delta.example.com").subject("Re: [CVH " + CAMPAIGN + " DELTA-T2] ticket")
                .text("Sorry, we need more time: could we have an extension until 2026-12-04 to drain the storage?").message());
        // an out-of-office that reaches RT is as automatic as one in the inbox: RT keeps the original's headers
        mailgate("ops@delta.example.com", "Automatic reply: [rt.test #" + delta.id() + "] " + delta.subject(),
                "Auto-Submitted: auto-replied\n", "I am on leave until 7 December.");
        awaitStored(9);
        assertThat(camel.requestBody("direct:rt-replies-poll", null, Integer.class)).isEqualTo(2);
        camel.sendBody("direct:reply-processing-run", null);
        camel.sendBody("direct:outbox-mail-deliver", null);
        assertThat(caseOf("GAMMA-CLOUD").acknowledgedAt()).isNotNull();
        assertThat(count("SELECT COUNT(*) FROM inbound_message WHERE sender = 'ops@delta.example.com' AND status = 'IGNORED'")).isEqualTo(1);
        assertThat(mailbox.withSubject("DECISION NEEDED: reply from DELTA-T2 (needs-time)")).singleElement()
                .satisfies(m -> assertThat(m.body()).contains("asks until: 2026-12-04"));
        assertThat(caseOf("DELTA-T2").deadline()).as("nothing changes the deadline by itself").isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));

        // ALPHA answers in its ticket, by mail to RT: fixed; Pakiti's last report is older than the claim
        RtTicket alpha = RealRt.ticketOf(rt, CAMPAIGN, "ALPHA-LCG2");
        mailgate("security@alpha.example.org", "Re: [rt.test #" + alpha.id() + "] " + alpha.subject(),
                "We have updated the kernel on all worker nodes and rebooted them.");
        run.clock.set(Instant.parse("2026-11-27T12:00:00Z"));
        assertThat(camel.requestBody("direct:rt-replies-poll", null, Integer.class)).isEqualTo(1);
        camel.sendBody("direct:reply-processing-run", null);
        camel.sendBody("direct:outbox-connectors-deliver", null);
        assertThat(RealRt.allText(rt, alpha.id())).contains("Please run the Pakiti client").contains("EGI_CSIRT:Pakiti_client");
        assertThat(caseOf("ALPHA-LCG2").status()).isEqualTo(CaseStatus.OPEN);

        // the Pakiti client reports the host clean: the ticket is closed with thanks, without another message
        pakiti.answer(PakitiTestServer.Answer.csv(HEADER
                + "EGI-Critical,CVE-2026-77777,ALPHA-LCG2,wn1.alpha.example.org,\"AlmaLinux 9.6\",x86_64,\"2026-11-27 13:00:00\"\n"
                + "EGI-Critical,CVE-2026-31337,BETA-GRID,ce1.beta.example.net,\"Rocky Linux 8.10\",x86_64,\"2026-11-27 06:00:00\"\n"
                + "EGI-Critical,CVE-2026-31337,GAMMA-CLOUD,vm1.gamma.example.com,\"Ubuntu 24.04\",x86_64,\"2026-11-27 06:00:00\"\n"
                + "EGI-Critical,CVE-2026-31337,DELTA-T2,se01.delta.example.com,\"AlmaLinux 9.6\",x86_64,\"2026-11-27 06:00:00\"\n"));
        run.clock.set(Instant.parse("2026-11-27T13:30:00Z"));
        assertThat(camel.requestBody("direct:pakiti-poll-run", null, String.class)).contains("accepted");
        run.runUntil(Instant.parse("2026-11-27T17:00:00Z"));
        camel.sendBody("direct:outbox-connectors-deliver", null);
        assertThat(caseOf("ALPHA-LCG2").status()).isEqualTo(CaseStatus.FIXED);
        assertThat(RealRt.ticketOf(rt, CAMPAIGN, "ALPHA-LCG2").status()).isEqualTo("resolved");
        assertThat(RealRt.allText(rt, alpha.id())).contains("Thank you for addressing this problem");
        assertThat(caseOf("ALPHA-LCG2").fixClaimedAt()).isNotNull();
        assertThat(audit("ALPHA-LCG2")).anySatisfy(a -> assertThat(a).contains("reply-received").contains("fixed"))
                .anySatisfy(a -> assertThat(a).contains("the claimed fix shows in Pakiti"));
    }

    private static String advisoryTo(String site) {
        return mailbox.withSubject("ADVISORY").stream().filter(m -> m.concerns(site)).findFirst().orElseThrow().messageId();
    }

    private static SiteCase caseOf(String site) {
        return wiring.store.inTransaction(tx -> tx.latestCase(CAMPAIGN, site)).orElseThrow();
    }

    private static void awaitStored(int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (count("SELECT COUNT(*) FROM inbound_message") < count) {
            if (Instant.now().isAfter(deadline)) throw new AssertionError("the inbox did not deliver " + count + " mails in 20 s");
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    private static long count(String sql) {
        return wiring.database.inTransaction(c -> {
            try (var rs = c.createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static Map<String, String> replyStatuses() {
        return wiring.database.inTransaction(c -> {
            Map<String, String> out = new java.util.HashMap<>();
            try (var rs = c.createStatement().executeQuery("SELECT sender, status FROM inbound_message ORDER BY id")) {
                while (rs.next()) out.putIfAbsent(rs.getString(1), rs.getString(2));
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            return out;
        });
    }

    private static List<String> audit(String site) {
        return wiring.database.inTransaction(c -> {
            List<String> out = new java.util.ArrayList<>();
            try (var ps = c.prepareStatement("SELECT event_type, detail FROM audit_event WHERE site = ? ORDER BY id")) {
                ps.setString(1, site);
                var rs = ps.executeQuery();
                while (rs.next()) out.add(rs.getString(1) + ": " + rs.getString(2));
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            return out;
        });
    }

    /** A site's mail into RT, as its mail server hands it to RT's mail gateway. */
    private static void mailgate(String from, String subject, String text) throws Exception {
        mailgate(from, subject, "", text);
    }

    private static void mailgate(String from, String subject, String headers, String text) throws Exception {
        Process p = new ProcessBuilder("rt-mailgate", "--queue", RealRt.QUEUE, "--action", "correspond", "--url", RealRt.URL + "/")
                .redirectErrorStream(true).start();
        p.getOutputStream().write(("From: " + from + "\nTo: vulnerability@rt.test\nSubject: " + subject + "\n" + headers + "Message-ID: <"
                + System.nanoTime() + "@site>\n\n" + text + "\n").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new AssertionError("rt-mailgate failed: " + out);
    }
}
