package eu.egi.csirt.cvh.adapter.console;

import com.fasterxml.jackson.databind.JsonNode;
import eu.egi.csirt.cvh.app.CvhConfiguration;
import eu.egi.csirt.cvh.domain.campaign.Channel;
import eu.egi.csirt.cvh.support.Console;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static eu.egi.csirt.cvh.support.Console.OFFICER;
import static eu.egi.csirt.cvh.support.Console.OFFICER_TOKEN;
import static eu.egi.csirt.cvh.support.Console.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every action of the console goes through the engine: SEC03 4.2 confirm/cancel, 4.4 veto, 7.2 accept/refuse,
 * 4.6 reinstatement, false positives, pause/resume, advisory upload and heads-up, dead letters; each refused
 * with a 4xx and the reason when the procedure (or the state) does not allow it.
 */
@CamelMainTest(configurationClasses = CvhConfiguration.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
                "app.db.url=jdbc:hsqldb:mem:console-decisions;hsqldb.tx=mvcc",
                "app.clock=virtual:2026-11-24T10:00:00Z",
                "app.triggers.enabled=false",
                "camel.main.routes-reload-enabled=false",
                "app.directory.file=src/test/resources/it/sites.csv",
                "app.pakiti.url=",
                "app.advisories.folder=target/it/console-decisions/advisories",
                "app.status.folder=target/it/console-decisions/status",
                "app.decisions.folder=target/it/console-decisions/decisions",
                Console.USERS, Console.TOKENS})
class ConsoleDecisionsTest {

    private static final String[] SITES = {"ALPHA-LCG2", "BETA-GRID", "GAMMA-CLOUD", "DELTA-T2"};

    @BeanInject
    CamelContext context;

    Console console;

    @BeforeEach
    void console() {
        console = new Console(context);
    }

    private void start(String id) {
        Console.Response r = console.startCampaign(id, SITES);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private Console.Response act(String id, String site, String action, String json) {
        return console.post("/api/campaigns/" + id + "/sites/" + site + "/" + action, OFFICER, json);
    }

    private static String state(Console.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().at("/result/state").asText();
    }

    @Test
    void sec4_2_to_4_6_decisions_at_the_deadline_and_their_refusals() {
        start("ADV-DEC");
        console.runUntil(Instant.parse("2026-11-30T12:00:00Z"));
        Console.Response early = act("ADV-DEC", "ALPHA-LCG2", "confirm-suspension", "{\"reason\": \"no answer\"}");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("error").asText()).contains("not SUSPENSION_PROPOSED: nothing to confirm");

        console.runUntil(Instant.parse("2026-12-01T11:00:00Z"));
        JsonNode sites = console.get("/api/campaigns/ADV-DEC", VIEWER).json().get("sites");
        assertThat(sites).allSatisfy(s -> assertThat(s.get("state").asText()).isEqualTo("SUSPENSION_PROPOSED"));
        assertThat(sites.findValues("needsDecision")).allSatisfy(n -> assertThat(n.asBoolean()).isTrue());

        assertThat(state(act("ADV-DEC", "ALPHA-LCG2", "confirm-suspension", "{\"reason\": \"no answer, still vulnerable\"}")))
                .isEqualTo("SUSPENDED");
        assertThat(act("ADV-DEC", "ALPHA-LCG2", "confirm-suspension", "{\"reason\": \"again\"}").status()).isEqualTo(409);
        assertThat(act("ADV-DEC", "ALPHA-LCG2", "confirm-suspension", "{}").json().get("error").asText()).contains("missing 'reason'");

        assertThat(state(act("ADV-DEC", "BETA-GRID", "cancel-suspension", "{\"reason\": \"the only site of its NGI\"}"))).isEqualTo("CANCELLED");
        assertThat(act("ADV-DEC", "GAMMA-CLOUD", "veto", "{\"by\": \"NGI\", \"reason\": \"x\"}").status()).isEqualTo(422);
        assertThat(state(act("ADV-DEC", "GAMMA-CLOUD", "veto", "{\"by\": \"COO\", \"reason\": \"data taking this week\"}"))).isEqualTo("VETOED");
        assertThat(act("ADV-DEC", "GAMMA-CLOUD", "veto", "{\"by\": \"OMB-majority\", \"reason\": \"x\"}").json().get("error").asText())
                .contains("cannot record a veto: GAMMA-CLOUD is already VETOED");
        assertThat(state(act("ADV-DEC", "DELTA-T2", "accept", "{\"what\": \"module blacklisted on all worker nodes\"}"))).isEqualTo("ACCEPTED");
        assertThat(act("ADV-DEC", "DELTA-T2", "refuse", "{\"what\": \"x\"}").status()).isEqualTo(409);

        // SEC03 4.6: only a suspended site can be reinstated
        Console.Response rod = act("ADV-DEC", "ALPHA-LCG2", "reinstatement", "{}");
        assertThat(rod.status()).as(rod.body()).isEqualTo(200);
        assertThat(rod.json().get("outcome").asText()).isEqualTo("ROD told: site still vulnerable (SEC03 4.6)");
        assertThat(act("ADV-DEC", "BETA-GRID", "reinstatement", "{}").json().get("error").asText()).contains("BETA-GRID is not suspended");

        String audit = console.get("/api/campaigns/ADV-DEC/audit", VIEWER).body();
        assertThat(audit).contains("decision-ConfirmSuspension").contains("decision-Veto").contains("decision-Accept")
                .contains("decision-CancelSuspension").contains("decision-ReinstatementRequest").contains("\"actor\" : \"alice\"");
    }

    @Test
    void sec7_3_nothing_to_refuse_is_409_and_false_positives_are_recorded() {
        start("ADV-REF");
        console.runUntil(Instant.parse("2026-11-27T12:00:00Z"));
        Console.Response nothing = act("ADV-REF", "BETA-GRID", "refuse", "{\"what\": \"'not exposed to users' is not a mitigation\"}");
        assertThat(nothing.status()).isEqualTo(409);
        assertThat(nothing.json().get("error").asText()).contains("nothing to refuse: no reply of BETA-GRID awaits a decision");
        assertThat(act("ADV-REF", "BETA-GRID", "refuse", "{}").status()).isEqualTo(422);

        Console.Response fp = act("ADV-REF", "GAMMA-CLOUD", "false-positive", "{\"host\": \"wn1.gamma.example.com\", \"reason\": \"custom kernel\"}");
        assertThat(fp.status()).as(fp.body()).isEqualTo(200);
        assertThat(fp.json().get("outcome").asText()).isEqualTo("false positive recorded: GAMMA-CLOUD CVE-2026-31337 host wn1.gamma.example.com");
        assertThat(act("ADV-REF", "GAMMA-CLOUD", "false-positive", "{\"cve\": \"CVE-2020-1\", \"reason\": \"x\"}").status()).isEqualTo(422);
        assertThat(act("ADV-REF", "GAMMA-CLOUD", "false-positive", "{\"reason\": \"\"}").status()).isEqualTo(422);
        assertThat(console.get("/api/campaigns/ADV-REF/audit", VIEWER).body()).contains("false-positive").contains("custom kernel");
    }

    @Test
    void a_campaign_is_paused_and_resumed_once_each() {
        start("ADV-PAUSE");
        assertThat(console.post("/api/campaigns/ADV-PAUSE/pause", OFFICER, "").json().at("/result/status").asText()).isEqualTo("PAUSED");
        Console.Response again = console.post("/api/campaigns/ADV-PAUSE/pause", OFFICER, "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("error").asText()).contains("is PAUSED: only a ACTIVE campaign can be paused");
        assertThat(console.post("/api/campaigns/ADV-PAUSE/resume", OFFICER_TOKEN, "").json().at("/result/status").asText()).isEqualTo("ACTIVE");
        assertThat(console.post("/api/campaigns/ADV-PAUSE/resume", OFFICER, "").status()).isEqualTo(409);
        assertThat(console.post("/api/campaigns/NO-SUCH/pause", OFFICER, "").status()).isEqualTo(404);
    }

    @Test
    void sec2_3_an_uploaded_advisory_starts_one_campaign_and_bad_ones_are_refused_with_the_line() {
        console.vulnerable(SITES);
        Console.Response ok = console.post("/api/campaigns", OFFICER, "application/yaml", Console.advisory("ADV-UP", "ALPHA-LCG2"));
        assertThat(ok.json().get("outcome").asText()).contains("campaign ADV-UP started: deadline 2026-12-01T10:00:00Z, advisory to INDIVIDUAL");
        assertThat(console.post("/api/campaigns", OFFICER, "application/yaml", Console.advisory("ADV-UP", "ALPHA-LCG2")).status())
                .isEqualTo(409);
        Console.Response unknown = console.post("/api/campaigns", OFFICER, "application/yaml",
                Console.advisory("ADV-BAD", "ALPHA-LCG2").replace("sec03-critical", "sec99"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("error").asText()).contains(":4: unknown procedure 'sec99'");
        assertThat(console.post("/api/campaigns", OFFICER, "application/yaml", "title: [unclosed").status()).isEqualTo(422);
        assertThat(console.post("/api/campaigns", OFFICER, "application/yaml", "").status()).isEqualTo(422);
        assertThat(console.post("/api/campaigns", OFFICER, "application/yaml",
                Console.advisory("X", "ALPHA-LCG2").replace("id: X\n", "")).json().get("error").asText()).contains("needs an 'id:' line");
        assertThat(console.get("/api/campaigns/ADV-UP/audit", VIEWER).body()).contains("console upload by alice");
    }

    @Test
    void sec2_1_a_heads_up_upload_sends_the_heads_up_before_the_advisory() {
        console.vulnerable(SITES);
        Console.Response r = console.post("/api/heads-up", OFFICER, "application/yaml", Console.advisory("ADV-HEADS", SITES));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().at("/result/headsUp").asBoolean()).isTrue();
        console.wiring.engine.tick();
        var timeline = console.get("/api/campaigns/ADV-HEADS/sites/ALPHA-LCG2/timeline", VIEWER).json();
        assertThat(timeline.findValuesAsText("type")).contains("MAIL send heads-up");
    }

    @Test
    void a_dead_letter_is_listed_and_retried_once() {
        start("ADV-DEAD");
        console.wiring.engine.tick();
        var pending = console.wiring.outbox.due(Channel.MAIL, console.clock.instant(), 10_000).stream()
                .filter(p -> p.entry().campaignId().equals("ADV-DEAD")).findFirst().orElseThrow();
        console.wiring.outbox.failed(pending.id(), "550 mailbox unavailable", console.clock.instant(), true);

        JsonNode dead = console.get("/api/dead-letters", VIEWER).json();
        assertThat(dead).filteredOn(d -> d.get("campaignId").asText().equals("ADV-DEAD")).singleElement().satisfies(d -> {
            assertThat(d.get("id").asLong()).isEqualTo(pending.id());
            assertThat(d.get("lastError").asText()).isEqualTo("550 mailbox unavailable");
        });
        Console.Response retried = console.post("/api/dead-letters/" + pending.id() + "/retry", OFFICER, "");
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        assertThat(console.get("/api/dead-letters", VIEWER).json().findValuesAsText("campaignId")).doesNotContain("ADV-DEAD");
        assertThat(console.wiring.outbox.due(Channel.MAIL, console.clock.instant(), 10_000)).anySatisfy(p ->
                assertThat(p.id()).isEqualTo(pending.id()));
        assertThat(console.post("/api/dead-letters/" + pending.id() + "/retry", OFFICER, "").status()).isEqualTo(409);
        assertThat(console.post("/api/dead-letters/999999/retry", OFFICER, "").status()).isEqualTo(404);
        assertThat(console.post("/api/dead-letters/abc/retry", OFFICER, "").status()).isEqualTo(422);
        assertThat(console.post("/api/dead-letters/" + pending.id() + "/retry", VIEWER, "").status()).isEqualTo(403);
        assertThat(console.get("/api/campaigns/ADV-DEAD/audit", VIEWER).body()).contains("dead-letter-retried");
    }

    @Test
    void held_and_unmatched_replies_are_listed_for_the_officer_with_their_intents() {
        start("ADV-REPLY");
        console.wiring.inboundMail.storeReply("test:held-1", "imap", "someone@elsewhere.example", "Re: [CVH ADV-REPLY ALPHA-LCG2] fixed", "fixed it");
        console.wiring.inboundMail.storeReply("test:unmatched-1", "imap", "x@nowhere.example", "hello", "who are you");
        console.wiring.database.inTransaction(c -> {
            try (var held = c.prepareStatement("UPDATE inbound_message SET status = 'HELD', campaign_id = 'ADV-REPLY', site = 'ALPHA-LCG2',"
                    + " intent = 'FIXED', confidence = 0.4, held_reason = 'unknown sender' WHERE dedup_key = 'test:held-1'");
                 var unmatched = c.prepareStatement("UPDATE inbound_message SET status = 'UNMATCHED' WHERE dedup_key = 'test:unmatched-1'")) {
                held.executeUpdate();
                unmatched.executeUpdate();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
        JsonNode queue = console.get("/api/replies/unmatched", VIEWER).json();
        assertThat(queue.findValuesAsText("status")).contains("HELD", "UNMATCHED");
        assertThat(queue.findValuesAsText("heldReason")).contains("unknown sender");
        JsonNode replies = console.get("/api/campaigns/ADV-REPLY/replies", VIEWER).json();
        assertThat(replies).singleElement().satisfies(r -> assertThat(r.get("intent").asText()).isEqualTo("FIXED"));
        assertThat(console.get("/api/campaigns/ADV-REPLY/sites/ALPHA-LCG2", VIEWER).json().get("timeline").findValuesAsText("type"))
                .contains("reply FIXED");
        assertThat(console.get("/", VIEWER).body()).contains("<section id=\"unmatched\">").contains("data-status=\"HELD\"")
                .contains("unknown sender");
        assertThat(console.get("/metrics", VIEWER).body()).containsPattern("cvh_replies\\{intent=\"FIXED\"} 1.0");
    }
}
