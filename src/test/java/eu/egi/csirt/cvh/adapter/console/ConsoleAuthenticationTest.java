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
import static eu.egi.csirt.cvh.support.Console.OFFICER_TOKEN;
import static eu.egi.csirt.cvh.support.Console.VIEWER;
import static eu.egi.csirt.cvh.support.Console.VIEWER_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

/** Every console request is authenticated (HTTP Basic or a Bearer token); viewers read, only officers act. */
@CamelMainTest(configurationClasses = CvhConfiguration.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
                "app.db.url=jdbc:hsqldb:mem:console-auth;hsqldb.tx=mvcc",
                "app.clock=virtual:2026-11-24T10:00:00Z",
                "app.triggers.enabled=false",
                "camel.main.routes-reload-enabled=false",
                "app.directory.file=src/test/resources/it/sites.csv",
                "app.pakiti.url=",
                "app.advisories.folder=target/it/console-auth/advisories",
                "app.status.folder=target/it/console-auth/status",
                "app.decisions.folder=target/it/console-auth/decisions",
                Console.USERS, Console.TOKENS})
class ConsoleAuthenticationTest {

    @BeanInject
    CamelContext context;

    Console console;

    @BeforeEach
    void console() {
        console = new Console(context);
    }

    @Test
    void without_credentials_every_endpoint_but_liveness_answers_401_with_a_basic_challenge() {
        for (String path : new String[] {"/", "/api/campaigns", "/api/dead-letters", "/api/campaigns/X"}) {
            Console.Response r = console.get(path, null);
            assertThat(r.status()).as(path).isEqualTo(401);
            assertThat(r.header("WWW-Authenticate")).as(path).startsWith("Basic realm=");
            assertThat(r.json().get("error").asText()).contains("authentication required");
        }
        assertThat(console.post("/api/campaigns/X/sites/Y/extension", null, "{}").status()).isEqualTo(401);
    }

    @Test
    void a_wrong_password_an_unknown_user_or_an_unknown_token_is_401() {
        assertThat(console.get("/api/campaigns", Console.basic("alice", "wrong")).status()).isEqualTo(401);
        assertThat(console.get("/api/campaigns", Console.basic("mallory", "alice-secret")).status()).isEqualTo(401);
        assertThat(console.get("/api/campaigns", "Bearer not-a-token").status()).isEqualTo(401);
        assertThat(console.get("/api/campaigns", "Digest whatever").status()).isEqualTo(401);
        assertThat(console.get("/api/campaigns", "Basic %%%").status()).isEqualTo(401);
    }

    @Test
    void officers_and_viewers_read_with_a_password_or_a_token() {
        for (String who : new String[] {OFFICER, VIEWER, OFFICER_TOKEN, VIEWER_TOKEN}) {
            assertThat(console.get("/api/campaigns", who).status()).as(who).isEqualTo(200);
        }
        assertThat(console.get("/api/whoami", VIEWER).json().get("role").asText()).isEqualTo("VIEWER");
        assertThat(console.get("/api/whoami", OFFICER_TOKEN).json().get("name").asText()).isEqualTo("ci-officer");
    }

    @Test
    void a_viewer_acting_gets_403_and_nothing_changes() {
        console.vulnerable("ALPHA-LCG2");
        Console.Response r = console.post("/api/campaigns", VIEWER, "application/yaml", Console.advisory("ADV-VIEW", "ALPHA-LCG2"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("error").asText()).contains("omb (viewer) may read but not act");
        assertThat(console.post("/api/campaigns/ADV-VIEW/pause", VIEWER_TOKEN, "{}").status()).isEqualTo(403);
        assertThat(console.get("/api/campaigns/ADV-VIEW", VIEWER).status()).isEqualTo(404);
    }

    @Test
    void an_officer_acts_and_the_audit_trail_names_them() {
        Console.Response r = console.startCampaign("ADV-AUTH", "ALPHA-LCG2", "BETA-GRID");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(console.post("/api/campaigns/ADV-AUTH/pause", OFFICER_TOKEN, "{}").status()).isEqualTo(200);
        var audit = console.get("/api/campaigns/ADV-AUTH/audit", VIEWER).json();
        assertThat(audit.findValuesAsText("actor")).contains("alice", "ci-officer");
        assertThat(audit.toString()).contains("campaign-uploaded").contains("campaign-paused");
        assertThat(Instant.parse(audit.get(0).get("at").asText())).isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
    }
}
