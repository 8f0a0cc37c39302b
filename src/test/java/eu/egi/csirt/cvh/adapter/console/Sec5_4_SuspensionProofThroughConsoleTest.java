package eu.egi.csirt.cvh.adapter.console;

import com.fasterxml.jackson.databind.JsonNode;
import eu.egi.csirt.cvh.app.CvhConfiguration;
import eu.egi.csirt.cvh.support.Console;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static eu.egi.csirt.cvh.support.Console.OFFICER;
import static eu.egi.csirt.cvh.support.Console.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

/** SEC03 5.4 and 5.5 as the console shows them: a suspended site's proof lists at least 3 notifications, the last a final warning 24 h before. */
@CamelMainTest(configurationClasses = CvhConfiguration.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
                "app.db.url=jdbc:hsqldb:mem:console-proof;hsqldb.tx=mvcc",
                "app.clock=virtual:2026-11-24T10:00:00Z",
                "app.triggers.enabled=false",
                "camel.main.routes-reload-enabled=false",
                "app.directory.file=src/test/resources/it/sites.csv",
                "app.pakiti.url=",
                "app.advisories.folder=target/it/console-proof/advisories",
                "app.status.folder=target/it/console-proof/status",
                "app.decisions.folder=target/it/console-proof/decisions",
                Console.USERS, Console.TOKENS})
class Sec5_4_SuspensionProofThroughConsoleTest {

    @BeanInject
    CamelContext context;

    @Test
    void sec5_4_the_proof_of_a_suspended_site_lists_three_notifications_the_last_a_final_warning_24_hours_before() {
        Console console = new Console(context);
        assertThat(console.startCampaign("ADV-PROOF", "ALPHA-LCG2", "BETA-GRID")
                .status()).isEqualTo(200);
        console.runUntil(Instant.parse("2026-12-01T11:00:00Z"));
        assertThat(console.post("/api/campaigns/ADV-PROOF/sites/ALPHA-LCG2/confirm-suspension", OFFICER,
                "{\"reason\": \"still vulnerable, no answer\"}").status()).isEqualTo(200);

        JsonNode site = console.get("/api/campaigns/ADV-PROOF/sites/ALPHA-LCG2", VIEWER).json().get("site");
        assertThat(site.get("state").asText()).isEqualTo("SUSPENDED");
        Instant suspendedAt = Instant.parse(site.get("suspendedAt").asText());
        JsonNode proof = site.get("notifications");
        assertThat(proof.get("count").asInt()).isGreaterThanOrEqualTo(3).isEqualTo(proof.get("delivered").size());
        assertThat(proof.get("individual").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(proof.get("verdict").asText()).isEqualTo("ALLOWED");
        JsonNode last = proof.get("delivered").get(proof.get("delivered").size() - 1);
        assertThat(last.get("notification").asText()).isEqualTo("FINAL_WARNING");
        assertThat(last.get("kind").asText()).isEqualTo("final-warning");
        assertThat(Instant.parse(last.get("deliveredAt").asText()).plus(Duration.ofHours(24))).isBeforeOrEqualTo(suspendedAt);
        assertThat(proof.get("delivered").findValuesAsText("kind")).startsWith("advisory", "ticket");

        JsonNode timeline = console.get("/api/campaigns/ADV-PROOF/sites/ALPHA-LCG2", VIEWER).json().get("timeline");
        assertThat(timeline.findValuesAsText("type")).contains("MAIL send advisory", "MAIL send ticket", "MAIL send final-warning",
                "MAIL send suspension-notice", "decision-ConfirmSuspension", "GOCDB suspend suspension");
    }
}
