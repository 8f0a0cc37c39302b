package eu.egi.csirt.cvh.adapter.console;

import com.fasterxml.jackson.databind.JsonNode;
import eu.egi.csirt.cvh.app.CvhConfiguration;
import eu.egi.csirt.cvh.support.Console;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static eu.egi.csirt.cvh.support.Console.OFFICER;
import static eu.egi.csirt.cvh.support.Console.VIEWER;
import static eu.egi.csirt.cvh.support.Console.VIEWER_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

/** SEC03 2.6/4.1.2 reports and the audit trail as downloads; health, metrics and the OpenAPI document. */
@CamelMainTest(configurationClasses = CvhConfiguration.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
                "app.db.url=jdbc:hsqldb:mem:console-reports;hsqldb.tx=mvcc",
                "app.clock=virtual:2026-11-24T10:00:00Z",
                "app.triggers.enabled=false",
                "camel.main.routes-reload-enabled=false",
                "app.directory.file=src/test/resources/it/sites.csv",
                "app.pakiti.url=",
                "app.smtp.host=127.0.0.1",
                "app.smtp.port=1",
                "app.advisories.folder=target/it/console-reports/advisories",
                "app.status.folder=target/it/console-reports/status",
                "app.decisions.folder=target/it/console-reports/decisions",
                Console.USERS, Console.TOKENS})
class ConsoleReportsAndOperationsTest {

    @BeanInject
    CamelContext context;

    private Console campaignAtTheDeadline(String id) {
        Console console = new Console(context);
        console.startCampaign(id, "ALPHA-LCG2", "BETA-GRID", "GAMMA-CLOUD");
        console.runUntil(Instant.parse("2026-11-28T12:00:00Z"));
        console.post("/api/campaigns/" + id + "/sites/BETA-GRID/extension", OFFICER,
                "{\"newDeadline\": \"2026-12-08T10:00:00Z\", \"by\": \"OMB\", \"reason\": \"downtime agreed\"}");
        console.fixed("GAMMA-CLOUD");
        console.runUntil(Instant.parse("2026-11-30T12:00:00Z"));
        return console;
    }

    @Test
    void sec2_6_the_omb_summary_and_the_unfixed_sites_download_as_markdown_html_and_csv() throws Exception {
        Console console = campaignAtTheDeadline("ADV-REP");
        Console.Response md = console.get("/api/campaigns/ADV-REP/reports/omb-summary.md", VIEWER);
        assertThat(md.header("Content-Type")).startsWith("text/markdown");
        assertThat(md.header("Content-Disposition")).isEqualTo("attachment; filename=\"omb-summary-ADV-REP.md\"");
        assertThat(md.body()).contains("# OMB summary: ADV-REP").contains("## Sites not fixed (SEC03 4.1.2)")
                .contains("| ALPHA-LCG2 | NGI_AA | OPEN | 2026-12-01 10:00 UTC | no response |  | yes |")
                .contains("| BETA-GRID | NGI_AA | OPEN | 2026-12-08 10:00 UTC | no response | extension to 2026-12-08 10:00 UTC: downtime agreed (granted by OMB) | no |")
                .doesNotContain("GAMMA-CLOUD");
        assertThat(console.get("/api/campaigns/ADV-REP/reports/omb-summary.html", VIEWER).body())
                .contains("<table id=\"unfixed-sites\"").contains("<tr data-site=\"ALPHA-LCG2\">").doesNotContain("GAMMA-CLOUD");

        Console.Response csv = console.get("/api/campaigns/ADV-REP/reports/unfixed-sites.csv", VIEWER_TOKEN);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body())).getRecords();
        assertThat(rows).extracting(r -> r.get("site")).containsExactly("ALPHA-LCG2", "BETA-GRID");
        assertThat(rows.get(0).get("recommend_suspension")).isEqualTo("true");
        assertThat(rows.get(1).get("plans")).contains("downtime agreed");
        assertThat(console.get("/api/campaigns/NO-SUCH/reports/unfixed-sites.csv", VIEWER).status()).isEqualTo(404);
    }

    @Test
    void a_campaigns_whole_audit_trail_exports_as_csv_and_json() throws Exception {
        Console console = campaignAtTheDeadline("ADV-AUD");
        JsonNode json = console.get("/api/campaigns/ADV-AUD/audit", VIEWER).json();
        Console.Response csv = console.get("/api/campaigns/ADV-AUD/audit.csv", VIEWER);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body())).getRecords();
        assertThat(rows).hasSize(json.size()).hasSizeGreaterThan(10);
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get("actor")).isEqualTo("alice");
            assertThat(r.get("site")).isEqualTo("BETA-GRID");
            assertThat(r.get("detail")).contains("deadline extended to 2026-12-08T10:00:00Z");
        });
        assertThat(rows.get(0).get("event")).isEqualTo("campaign-started");
    }

    @Test
    void liveness_needs_no_credentials_readiness_names_what_is_down() {
        Console console = new Console(context);
        Console.Response live = console.get("/health/live", null);
        assertThat(live.status()).isEqualTo(200);
        assertThat(live.json().get("status").asText()).isEqualTo("UP");
        assertThat(console.get("/health/ready", null).status()).isEqualTo(401);
        Console.Response ready = console.get("/health/ready", VIEWER);
        assertThat(ready.status()).as("SMTP on 127.0.0.1:1 is down").isEqualTo(503);
        assertThat(ready.json().at("/checks/database/status").asText()).isEqualTo("UP");
        assertThat(ready.json().at("/checks/mail/status").asText()).isEqualTo("DOWN");
        assertThat(ready.json().at("/checks/mail/detail").asText()).contains("127.0.0.1:1 unreachable");
        assertThat(ready.json().get("checks").has("rt")).as("RT is not configured").isFalse();
        assertThat(ready.json().get("checks").has("pakiti")).isFalse();
    }

    @Test
    void metrics_in_prometheus_format_count_mails_by_kind_outbox_depth_dead_letters_and_feed_age() {
        Console console = campaignAtTheDeadline("ADV-MET");
        assertThat(console.get("/metrics", null).status()).isEqualTo(401);
        Console.Response m = console.get("/metrics", VIEWER_TOKEN);
        assertThat(m.status()).isEqualTo(200);
        assertThat(m.header("Content-Type")).startsWith("text/plain");
        assertThat(value(m.body(), "cvh_mails_sent\\{kind=\"advisory\"}")).isGreaterThanOrEqualTo(3);
        assertThat(value(m.body(), "cvh_mails_sent\\{kind=\"final-warning\"}")).isGreaterThanOrEqualTo(1);
        assertThat(m.body()).contains("cvh_outbox_depth ").contains("cvh_outbox_dead ")
                .contains("# TYPE cvh_feed_age_seconds gauge");
        assertThat(value(m.body(), "cvh_feed_age_seconds")).isBetween(0.0, 3 * 24 * 3600.0);
    }

    private static double value(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + " ([0-9.eE+-]+|NaN)$").matcher(metrics);
        assertThat(m.find()).as(series + " in\n" + metrics).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void the_openapi_document_describes_every_endpoint_of_the_console_routes() throws Exception {
        Console console = new Console(context);
        JsonNode doc = console.get("/api/openapi.json", VIEWER).json();
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        StringBuilder routes = new StringBuilder();
        for (String f : new String[] {"routes/console-api.camel.yaml", "routes/console-page.camel.yaml"}) {
            routes.append(Files.readString(Path.of(f)));
        }
        Matcher paths = Pattern.compile("path: (\\S+)").matcher(routes);
        int n = 0;
        while (paths.find()) {
            assertThat(doc.get("paths").has(paths.group(1))).as(paths.group(1) + " is documented").isTrue();
            n++;
        }
        assertThat(n).isGreaterThan(25);
    }
}
