package eu.egi.csirt.cvh.adapter.console;

import eu.egi.csirt.cvh.app.CvhConfiguration;
import eu.egi.csirt.cvh.domain.campaign.CaseStatus;
import eu.egi.csirt.cvh.domain.campaign.Channel;
import eu.egi.csirt.cvh.support.Console;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static eu.egi.csirt.cvh.support.Console.OFFICER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console acts only on requests its own page or an API client made: another web site cannot use the
 * officer's logged-in browser (text/plain or multipart posts, cross-site fetches, credentials in the URL);
 * over-long or implausible input is a 4xx; a dead action of a case closed since is not sent; a suspension
 * is only cancelled where one is proposed or requested, and a withdrawn request reaches the coordinator.
 */
@CamelMainTest(configurationClasses = CvhConfiguration.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
                "app.db.url=jdbc:hsqldb:mem:console-hardening;hsqldb.tx=mvcc",
                "app.clock=virtual:2026-11-24T10:00:00Z",
                "app.triggers.enabled=false",
                "camel.main.routes-reload-enabled=false",
                "app.directory.file=src/test/resources/it/sites.csv",
                "app.pakiti.url=",
                "app.advisories.folder=target/it/console-hardening/advisories",
                "app.status.folder=target/it/console-hardening/status",
                "app.decisions.folder=target/it/console-hardening/decisions",
                Console.USERS, Console.TOKENS})
class ConsoleRefusesCrossSiteAndBadRequestsTest {

    @BeanInject
    CamelContext context;

    @Test
    void requests_another_web_site_could_make_the_officers_browser_send_are_refused() {
        Console console = new Console(context);
        assertThat(console.startCampaign("ADV-X", "ALPHA-LCG2", "BETA-GRID").status())
                .isEqualTo(200);
        String extension = "{\"newDeadline\":\"2027-06-01T10:00:00Z\",\"by\":\"CSIRT\",\"reason\":\"csrf\",\"a\":\"=\"}";

        assertThat(console.postWithHeaders("/api/campaigns/ADV-X/sites/BETA-GRID/extension", OFFICER, "text/plain", extension).status())
                .as("<form enctype=text/plain> carrying JSON").isEqualTo(415);
        assertThat(console.postWithHeaders("/api/campaigns/ADV-X/pause", OFFICER, "multipart/form-data; boundary=x", "--x--").status())
                .isEqualTo(415);
        assertThat(console.postWithHeaders("/api/campaigns/ADV-X/pause", OFFICER, null, "").status()).as("no body, no type").isEqualTo(415);
        assertThat(console.postWithHeaders("/api/campaigns/ADV-X/pause", OFFICER, "application/json", "{}",
                "Sec-Fetch-Site", "cross-site").status()).isEqualTo(403);
        assertThat(console.postWithHeaders("/api/campaigns/ADV-X/pause", OFFICER, "application/json", "{}",
                "Origin", "https://evil.example").status()).isEqualTo(403);
        assertThat(console.get("/api/whoami?Authorization=" + java.net.URLEncoder.encode(OFFICER, java.nio.charset.StandardCharsets.UTF_8), null)
                .status()).as("credentials in the URL").isEqualTo(400);
        assertThat(console.post("/api/campaigns/ADV-X/sites/BETA-GRID/extension", OFFICER, "application/x-www-form-urlencoded",
                "newDeadline=2027-06-01T10%3A00%3A00Z&by=CSIRT&reason=no-token").status()).as("a form without the page's token")
                .isIn(303, 403);
        assertThat(console.wiring.store.inTransaction(tx -> tx.latestCase("ADV-X", "BETA-GRID")).orElseThrow().deadline())
                .as("nothing of the above changed the deadline").isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
        Console.Response page = console.get("/", OFFICER);
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(console.post("/api/campaigns/ADV-X/pause", OFFICER, "{}").status()).as("an API client's JSON").isEqualTo(200);
    }

    @Test
    void overlong_or_implausible_input_is_a_422_not_a_500() {
        Console console = new Console(context);
        console.startCampaign("ADV-LONG", "ALPHA-LCG2");
        String longReason = "x".repeat(5000);
        assertThat(console.post("/api/campaigns/ADV-LONG/sites/ALPHA-LCG2/false-positive", OFFICER, "{\"reason\":\"" + longReason + "\"}").status())
                .isEqualTo(422);
        assertThat(console.post("/api/campaigns/ADV-LONG/sites/ALPHA-LCG2/false-positive", OFFICER,
                "{\"reason\":\"kernel not installed\",\"host\":\"" + "h".repeat(300) + "\"}").status()).isEqualTo(422);
        assertThat(console.post("/api/campaigns/ADV-LONG/sites/ALPHA-LCG2/extension", OFFICER,
                "{\"newDeadline\":\"+999999999-12-31T23:59:59Z\",\"by\":\"CSIRT\",\"reason\":\"forever\"}").status()).isEqualTo(422);
        assertThat(console.post("/api/campaigns/ADV-LONG/sites/ALPHA-LCG2/veto", OFFICER,
                "{\"by\":\"COO\",\"reason\":\"" + "y".repeat(9000) + "\"}").status()).isEqualTo(422);
    }

    @Test
    void a_suspension_is_cancelled_only_where_one_is_proposed_and_a_dead_action_of_a_closed_case_stays_dead() {
        Console console = new Console(context);
        console.startCampaign("ADV-DEAD", "ALPHA-LCG2", "BETA-GRID");
        console.runUntil(Instant.parse("2026-11-27T11:00:00Z"));
        assertThat(console.post("/api/campaigns/ADV-DEAD/sites/ALPHA-LCG2/cancel-suspension", OFFICER, "{\"reason\":\"no\"}").status())
                .as("nothing is proposed yet").isEqualTo(409);

        // a reminder to BETA dies (SMTP down), then the OMB vetoes BETA's suspension: the old reminder must not go out
        long dead = console.wiring.database.inTransaction(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT MIN(id) FROM outbox WHERE site = 'BETA-GRID' AND channel = 'MAIL'")) {
                rs.next();
                long id = rs.getLong(1);
                c.createStatement().executeUpdate("UPDATE outbox SET status = 'DEAD', last_error = 'SMTP down' WHERE id = " + id);
                return id;
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(console.post("/api/campaigns/ADV-DEAD/sites/BETA-GRID/veto", OFFICER, "{\"by\":\"COO\",\"reason\":\"site runs a vaccine trial\"}")
                .status()).isEqualTo(200);
        assertThat(console.wiring.store.inTransaction(tx -> tx.latestCase("ADV-DEAD", "BETA-GRID")).orElseThrow().status())
                .isEqualTo(CaseStatus.VETOED);
        Console.Response retry = console.post("/api/dead-letters/" + dead + "/retry", OFFICER, "{}");
        assertThat(retry.status()).as(retry.body()).isEqualTo(409);
        assertThat(retry.json().path("error").asText()).contains("sending it now would be wrong");
        assertThat(console.wiring.outbox.due(Channel.MAIL, console.clock.instant(), 1000).stream().map(p -> p.id())).doesNotContain(dead);
    }
}
