package eu.egi.csirt.cvh.adapter.console;

import eu.egi.csirt.cvh.app.CvhConfiguration;
import eu.egi.csirt.cvh.domain.campaign.SiteCase;
import eu.egi.csirt.cvh.support.Console;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static eu.egi.csirt.cvh.support.Console.OFFICER;
import static eu.egi.csirt.cvh.support.Console.VIEWER;
import static eu.egi.csirt.cvh.support.ReplyMail.aReply;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replies the runtime could not place or trust wait for the officer, who settles them (this site,
 * this meaning: the effect follows as for any reply) or sets them aside; a site's explanation put to the
 * officer can then be refused (SEC03 7.3) in the console.
 */
@CamelMainTest(configurationClasses = CvhConfiguration.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
                "app.db.url=jdbc:hsqldb:mem:console-held-replies;hsqldb.tx=mvcc",
                "app.clock=virtual:2026-11-24T10:00:00Z",
                "app.triggers.enabled=false",
                "camel.main.routes-reload-enabled=false",
                "app.directory.file=src/test/resources/it/sites.csv",
                "app.pakiti.url=",
                "app.advisories.folder=target/it/console-held-replies/advisories",
                "app.status.folder=target/it/console-held-replies/status",
                "app.decisions.folder=target/it/console-held-replies/decisions",
                Console.USERS, Console.TOKENS})
class Sec7_HeldRepliesSettledByTheOfficerTest {

    @BeanInject
    CamelContext context;

    private long arrives(Console console, eu.egi.csirt.cvh.support.ReplyMail mail) throws Exception {
        console.wiring.inboundMail.store(mail.message(), "imap:test");
        console.wiring.replyProcessor.processPending();
        return console.wiring.database.inTransaction(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT MAX(id) FROM inbound_message")) {
                rs.next();
                return rs.getLong(1);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private SiteCase caseOf(Console console, String site) {
        return console.wiring.store.inTransaction(tx -> tx.latestCase("ADV-HELD", site)).orElseThrow();
    }

    @Test
    void unmatched_and_held_replies_are_settled_or_set_aside_and_an_explanation_refused() throws Exception {
        Console console = new Console(context);
        assertThat(console.startCampaign("ADV-HELD", "ALPHA-LCG2", "BETA-GRID").status())
                .isEqualTo(200);
        console.runUntil(Instant.parse("2026-11-24T12:00:00Z"));

        // the site's colleague writes from a private address, with no reference: unmatched
        long unmatched = arrives(console, aReply().from("alice.private@mail.example").subject("our cluster")
                .text("Hi, we have updated the kernel and rebooted all the nodes of ALPHA yesterday."));
        // someone else writes about BETA: held (not a contact)
        long held = arrives(console, aReply().from("mallory@evil.example").subject("Re: [CVH ADV-HELD BETA-GRID] advisory")
                .text("All fixed, you can close it."));
        Console.Response queue = console.get("/api/replies/unmatched", VIEWER);
        assertThat(queue.json().findValuesAsText("status")).contains("UNMATCHED", "HELD");

        assertThat(console.post("/api/replies/" + unmatched + "/settle", VIEWER, "{\"campaign\":\"ADV-HELD\",\"site\":\"ALPHA-LCG2\",\"intent\":\"fixed\"}")
                .status()).as("a viewer may not act").isEqualTo(403);
        assertThat(console.post("/api/replies/" + unmatched + "/settle", OFFICER, "{\"campaign\":\"ADV-HELD\",\"site\":\"ALPHA-LCG2\",\"intent\":\"other\"}")
                .status()).isEqualTo(409);
        assertThat(console.post("/api/replies/" + unmatched + "/settle", OFFICER, "{\"campaign\":\"ADV-HELD\",\"site\":\"NOWHERE\",\"intent\":\"fixed\"}")
                .status()).isEqualTo(409);
        Console.Response settled = console.post("/api/replies/" + unmatched + "/settle", OFFICER,
                "{\"campaign\":\"ADV-HELD\",\"site\":\"ALPHA-LCG2\",\"intent\":\"fixed\"}");
        assertThat(settled.status()).as(settled.body()).isEqualTo(200);
        assertThat(settled.json().path("outcome").asText()).contains("settled as fixed").contains("Pakiti client");
        assertThat(caseOf(console, "ALPHA-LCG2").fixClaimedAt()).isNotNull();
        assertThat(console.post("/api/replies/" + unmatched + "/settle", OFFICER, "{\"campaign\":\"ADV-HELD\",\"site\":\"ALPHA-LCG2\",\"intent\":\"fixed\"}")
                .status()).as("settled once").isEqualTo(409);

        Console.Response dismissed = console.post("/api/replies/" + held + "/dismiss", OFFICER, "{\"reason\":\"not from the site\"}");
        assertThat(dismissed.status()).as(dismissed.body()).isEqualTo(200);
        assertThat(caseOf(console, "BETA-GRID").pendingDecision()).isNull();
        assertThat(caseOf(console, "BETA-GRID").acknowledgedAt()).as("a held reply changes nothing").isNull();
        assertThat(console.get("/api/replies/unmatched", VIEWER).json().size()).isZero();

        // SEC03 7.3: BETA explains it is not vulnerable; the officer refuses in the console; the site is told
        arrives(console, aReply().from("cert@beta.example.net").subject("Re: [CVH ADV-HELD BETA-GRID] advisory")
                .text("Our site is not affected: the CE runs a kernel without the vulnerable module."));
        assertThat(caseOf(console, "BETA-GRID").pendingDecision()).contains("not vulnerable");
        Console.Response refused = console.post("/api/campaigns/ADV-HELD/sites/BETA-GRID/refuse", OFFICER,
                "{\"reason\":\"Pakiti shows the vulnerable kernel running on ce1\"}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(200);
        assertThat(caseOf(console, "BETA-GRID").pendingDecision()).isNull();
        assertThat(console.get("/api/campaigns/ADV-HELD/audit", VIEWER).body()).contains("reply-dismissed").contains("alice")
                .contains("decision-Refuse");
    }
}
