package eu.egi.csirt.cvh.adapter.console;

import eu.egi.csirt.cvh.app.CvhConfiguration;
import eu.egi.csirt.cvh.support.Console;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static eu.egi.csirt.cvh.support.Console.OFFICER;
import static eu.egi.csirt.cvh.support.Console.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

/** SEC03 4.3 through the console: an extension moves the site's deadline; a wrong one is refused with the reason. */
@CamelMainTest(configurationClasses = CvhConfiguration.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
                "app.db.url=jdbc:hsqldb:mem:console-extension;hsqldb.tx=mvcc",
                "app.clock=virtual:2026-11-24T10:00:00Z",
                "app.triggers.enabled=false",
                "camel.main.routes-reload-enabled=false",
                "app.directory.file=src/test/resources/it/sites.csv",
                "app.pakiti.url=",
                "app.advisories.folder=target/it/console-extension/advisories",
                "app.status.folder=target/it/console-extension/status",
                "app.decisions.folder=target/it/console-extension/decisions",
                Console.USERS, Console.TOKENS})
class Sec4_3_ExtensionThroughConsoleTest {

    @BeanInject
    CamelContext context;

    Console console;

    @BeforeEach
    void campaign() {
        console = new Console(context);
    }

    private void start(String id) {
        assertThat(console.startCampaign(id, "ALPHA-LCG2", "BETA-GRID").status())
                .isEqualTo(200);
        console.runUntil(Instant.parse("2026-11-28T12:00:00Z"));
    }

    @Test
    void sec4_3_an_extension_moves_the_deadline_shown_for_the_site_with_its_reason() {
        start("ADV-EXT-1");
        Console.Response r = console.post("/api/campaigns/ADV-EXT-1/sites/BETA-GRID/extension", OFFICER,
                "{\"newDeadline\": \"2026-12-08T10:00:00Z\", \"by\": \"OMB\", \"reason\": \"downtime agreed for 7 December\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("outcome").asText()).contains("deadline extended to 2026-12-08T10:00:00Z by OMB");
        assertThat(r.json().at("/result/deadline").asText()).isEqualTo("2026-12-08T10:00:00Z");

        var sites = console.get("/api/campaigns/ADV-EXT-1", VIEWER).json().get("sites");
        var beta = sites.get(1);
        assertThat(beta.get("site").asText()).isEqualTo("BETA-GRID");
        assertThat(beta.get("deadline").asText()).isEqualTo("2026-12-08T10:00:00Z");
        assertThat(beta.get("extended").asBoolean()).isTrue();
        assertThat(beta.get("deadlineReason").asText()).isEqualTo("downtime agreed for 7 December (granted by OMB)");
        assertThat(sites.get(0).get("deadline").asText()).as("the other site keeps its deadline").isEqualTo("2026-12-01T10:00:00Z");
        assertThat(console.get("/api/campaigns/ADV-EXT-1/audit", VIEWER).body()).contains("\"actor\" : \"alice\"")
                .contains("deadline extended to 2026-12-08T10:00:00Z");
    }

    @Test
    void sec4_3_an_extension_into_the_past_or_before_the_current_deadline_is_refused_with_409() {
        start("ADV-EXT-2");
        Console.Response past = console.post("/api/campaigns/ADV-EXT-2/sites/BETA-GRID/extension", OFFICER,
                "{\"newDeadline\": \"2026-11-27T10:00:00Z\", \"reason\": \"x\"}");
        assertThat(past.status()).isEqualTo(409);
        assertThat(past.json().get("error").asText()).contains("is not in the future");
        Console.Response earlier = console.post("/api/campaigns/ADV-EXT-2/sites/BETA-GRID/extension", OFFICER,
                "{\"newDeadline\": \"2026-11-30T10:00:00Z\", \"reason\": \"x\"}");
        assertThat(earlier.status()).isEqualTo(409);
        assertThat(earlier.json().get("error").asText()).contains("is not after the current one");
    }

    @Test
    void bad_input_is_a_4xx_with_a_message_never_a_500() {
        start("ADV-EXT-3");
        String url = "/api/campaigns/ADV-EXT-3/sites/BETA-GRID/extension";
        assertThat(console.post(url, OFFICER, "{\"newDeadline\": \"next week\", \"reason\": \"x\"}").json().get("error").asText())
                .contains("'next week' is not a date-time");
        assertThat(console.post(url, OFFICER, "{\"newDeadline\": \"2026-12-08T10:00:00Z\"}").status()).isEqualTo(422);
        assertThat(console.post(url, OFFICER, "{\"newDeadline\": \"2026-12-08T10:00:00Z\", \"reason\": \"x\", \"by\": \"NGI\"}")
                .json().get("error").asText()).contains("use CSIRT or OMB");
        Console.Response notJson = console.post(url, OFFICER, "{newDeadline");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().get("error").asText()).contains("not a JSON object").doesNotContain("at com.");
        assertThat(console.post("/api/campaigns/ADV-EXT-3/sites/NOWHERE/extension", OFFICER,
                "{\"newDeadline\": \"2026-12-08T10:00:00Z\", \"reason\": \"x\"}").status()).isEqualTo(404);
        assertThat(console.post("/api/campaigns/NO-SUCH/sites/BETA-GRID/extension", OFFICER,
                "{\"newDeadline\": \"2026-12-08T10:00:00Z\", \"reason\": \"x\"}").status()).isEqualTo(404);
        assertThat(console.get("/api/campaigns/NO-SUCH", OFFICER).status()).isEqualTo(404);
        assertThat(console.post(url, OFFICER, "{\"newDeadline\": \"2026-12-08\", \"reason\": \"a date alone means 10:00 UTC\"}")
                .json().at("/result/deadline").asText()).isEqualTo("2026-12-08T10:00:00Z");
    }
}
