package eu.egi.csirt.cvh.adapter.console;

import eu.egi.csirt.cvh.app.CvhConfiguration;
import eu.egi.csirt.cvh.support.Console;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static eu.egi.csirt.cvh.support.Console.OFFICER;
import static eu.egi.csirt.cvh.support.Console.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The officer's page over HTTP (the browser test drives the same page in Chromium): the sites table with
 * its classes, the extension form posting back to the page, the form token, the viewer's read-only page.
 */
@CamelMainTest(configurationClasses = CvhConfiguration.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
                "app.db.url=jdbc:hsqldb:mem:console-page;hsqldb.tx=mvcc",
                "app.clock=virtual:2026-11-24T10:00:00Z",
                "app.triggers.enabled=false",
                "camel.main.routes-reload-enabled=false",
                "app.directory.file=src/test/resources/it/sites.csv",
                "app.pakiti.url=",
                "app.advisories.folder=target/it/console-page/advisories",
                "app.status.folder=target/it/console-page/status",
                "app.decisions.folder=target/it/console-page/decisions",
                Console.USERS, Console.TOKENS})
class Sec4_3_ExtensionThroughThePageTest {

    @BeanInject
    CamelContext context;

    private static String form(String... kv) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < kv.length; i += 2) {
            if (b.length() > 0) b.append('&');
            b.append(kv[i]).append('=').append(URLEncoder.encode(kv[i + 1], StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    private static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"").matcher(html);
        assertThat(m.find()).as("the page carries a form token").isTrue();
        return m.group(1);
    }

    @Test
    void sec4_3_an_extension_granted_through_the_page_form_changes_the_sites_table() {
        Console console = new Console(context);
        console.startCampaign("ADV-PAGE", "ALPHA-LCG2", "BETA-GRID", "GAMMA-CLOUD");
        console.runUntil(Instant.parse("2026-12-01T11:00:00Z"));
        console.fixed("GAMMA-CLOUD");

        Console.Response page = console.get("/?campaign=ADV-PAGE&site=BETA-GRID", OFFICER);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        String html = page.body();
        assertThat(html).contains("<tr id=\"site-BETA-GRID\" data-site=\"BETA-GRID\" data-state=\"SUSPENSION_PROPOSED\" class=\"site needs-decision overdue selected\">")
                .contains("<td data-field=\"deadline\" data-deadline=\"2026-12-01T10:00:00Z\">2026-12-01 10:00 UTC</td>")
                .contains("<form class=\"decision\" id=\"extend-BETA-GRID\" method=\"post\" action=\"/api/campaigns/ADV-PAGE/sites/BETA-GRID/extension\">")
                .contains("name=\"newDeadline\" id=\"extend-BETA-GRID-deadline\"").contains("id=\"extend-BETA-GRID-submit\"")
                .contains("id=\"confirm-BETA-GRID\"").contains("id=\"cancel-BETA-GRID\"").contains("id=\"veto-BETA-GRID\"")
                .contains("id=\"accept-BETA-GRID\"").contains("<table id=\"timeline\">").contains("data-type=\"MAIL send final-warning\"")
                .contains("id=\"dead-letters\"").contains("id=\"unmatched\"");

        Console.Response posted = console.post("/api/campaigns/ADV-PAGE/sites/BETA-GRID/extension", OFFICER,
                "application/x-www-form-urlencoded", form("csrf", csrf(html), "newDeadline", "2026-12-08T10:00:00Z", "by", "OMB",
                        "reason", "downtime agreed for 7 December"));
        assertThat(posted.status()).isEqualTo(303);
        assertThat(posted.header("Location")).startsWith("/?campaign=ADV-PAGE&site=BETA-GRID&msg=deadline+extended");

        String after = console.get(posted.header("Location"), OFFICER).body();
        assertThat(after).contains("<p id=\"message\" class=\"message ok\">deadline extended to 2026-12-08T10:00:00Z by OMB")
                .contains("<tr id=\"site-BETA-GRID\" data-site=\"BETA-GRID\" data-state=\"OPEN\" class=\"site selected\">")
                .contains("<td data-field=\"deadline\" data-deadline=\"2026-12-08T10:00:00Z\">2026-12-08 10:00 UTC</td>")
                .contains("<td data-field=\"extension\">downtime agreed for 7 December (granted by OMB)</td>");
    }

    @Test
    void a_refused_form_comes_back_with_the_reason_and_a_form_without_the_token_is_403() {
        Console console = new Console(context);
        console.startCampaign("ADV-PAGE-2", "DELTA-T2");
        String html = console.get("/?campaign=ADV-PAGE-2&site=DELTA-T2", OFFICER).body();
        Console.Response refused = console.post("/api/campaigns/ADV-PAGE-2/sites/DELTA-T2/extension", OFFICER,
                "application/x-www-form-urlencoded", form("csrf", csrf(html), "newDeadline", "2026-11-20T10:00:00Z", "reason", "x"));
        assertThat(refused.status()).isEqualTo(303);
        assertThat(console.get(refused.header("Location"), OFFICER).body()).contains("<p id=\"error\" class=\"message error\">the new deadline");

        Console.Response forged = console.post("/api/campaigns/ADV-PAGE-2/sites/DELTA-T2/extension", OFFICER,
                "application/x-www-form-urlencoded", form("newDeadline", "2026-12-20T10:00:00Z", "reason", "x"));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.json().get("error").asText()).contains("the form is stale or not from this console");
    }

    @Test
    void a_viewer_sees_the_page_without_any_form() {
        Console console = new Console(context);
        console.startCampaign("ADV-PAGE-3", "ALPHA-LCG2");
        String html = console.get("/?campaign=ADV-PAGE-3&site=ALPHA-LCG2", VIEWER).body();
        assertThat(html).contains("data-site=\"ALPHA-LCG2\"").contains("id=\"site-panel\"").doesNotContain("<form");
        assertThat(console.get("/?campaign=%3Cscript%3E", VIEWER).body()).contains("no campaign &#39;&lt;script&gt;&#39;").doesNotContain("<script>");
    }
}
