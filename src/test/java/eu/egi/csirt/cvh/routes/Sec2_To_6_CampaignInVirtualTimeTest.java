package eu.egi.csirt.cvh.routes;

import eu.egi.csirt.cvh.app.CvhConfiguration;
import eu.egi.csirt.cvh.support.Folders;
import eu.egi.csirt.cvh.support.Mailbox;
import eu.egi.csirt.cvh.support.Mailbox.Mail;
import eu.egi.csirt.cvh.support.RouteDriver;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole campaign through the real routes, database and SMTP, in virtual time. Advisory Tuesday
 * 24 November 2026 10:00 to four sites (so individually), deadline Tuesday 1 December 10:00.
 * ALPHA fixes on day 4, BETA never (final warning, OMB summary, suspension proposed, confirmed),
 * GAMMA gets an extension (OMB), DELTA a COO veto.
 */
@CamelMainTest(configurationClasses = CvhConfiguration.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
                "app.db.url=jdbc:hsqldb:mem:campaign-route;hsqldb.tx=mvcc",
                "app.clock=virtual:2026-11-24T10:00:00Z",
                "app.triggers.enabled=false",
                "camel.main.routes-reload-enabled=false",
                "app.smtp.host=127.0.0.1",
                "app.smtp.port=3932",
                "app.directory.file=src/test/resources/it/sites.csv",
                "app.advisories.folder=target/it/campaign-route/advisories",
                "app.status.folder=target/it/campaign-route/status",
                "app.decisions.folder=target/it/campaign-route/decisions"})
class Sec2_To_6_CampaignInVirtualTimeTest {

    static final Path ROOT = Path.of("target/it/campaign-route");
    static Mailbox mailbox;

    @BeanInject
    CamelContext context;

    @BeforeAll
    static void startMailServer() {
        Folders.fresh(ROOT);
        mailbox = new Mailbox(3932);
    }

    @AfterAll
    static void stopMailServer() {
        mailbox.stop();
    }

    private static List<Mail> about(String site, String subjectPart) {
        return mailbox.mails().stream().filter(m -> m.concerns(site) && m.subject().contains(subjectPart)).toList();
    }

    @Test
    void four_sites_fixed_suspended_extended_and_vetoed() throws Exception {
        RouteDriver run = new RouteDriver(context, ROOT);
        run.status("feed-1.csv", "ALPHA-LCG2 wn1.alpha.example.org", "ALPHA-LCG2 wn2.alpha.example.org",
                "BETA-GRID ce1.beta.example.net", "GAMMA-CLOUD vm1.gamma.example.com", "DELTA-T2 se1.delta.example.com");
        run.drop("advisories", "EGI-SVG-2026-31337.yaml", Files.readString(Path.of("config/samples/advisories/EGI-SVG-2026-31337.yaml")),
                "advisory-intake");
        run.tick();

        // SEC03 2.3: four sites are informed individually, OMB in cc
        assertThat(mailbox.withSubject("ADVISORY")).hasSize(4).allSatisfy(m -> {
            assertThat(m.cc()).containsExactly("noc-managers@mailman.egi.eu");
            assertThat(m.body()).contains("DEADLINE: Tuesday 1 December 2026, 10:00 UTC");
        });
        assertThat(about("BETA-GRID", "ADVISORY").get(0).to())
                .containsExactlyInAnyOrder("cert@beta.example.net", "ben@beta.example.net", "security@ngi-aa.example.org");

        // SEC03 2.4: tickets on Friday 27 (3 days before is a Saturday)
        run.runUntil(Instant.parse("2026-11-27T09:00:00Z"));
        assertThat(mailbox.withSubject("is vulnerable to")).isEmpty();
        run.runUntil(Instant.parse("2026-11-27T10:00:00Z"));
        assertThat(mailbox.withSubject("is vulnerable to")).hasSize(4);
        assertThat(about("GAMMA-CLOUD", "is vulnerable to").get(0).to())
                .containsExactlyInAnyOrder("admin@gamma.example.com", "security@gamma.example.com", "csirt@ngi-bb.example.com");

        // day 4: ALPHA has fixed; SEC03 2.5 closes it with thanks and reminds the others
        run.runUntil(Instant.parse("2026-11-28T08:00:00Z"));
        run.status("feed-2.csv", "BETA-GRID ce1.beta.example.net", "GAMMA-CLOUD vm1.gamma.example.com", "DELTA-T2 se1.delta.example.com");
        run.runUntil(Instant.parse("2026-11-28T10:00:00Z"));
        assertThat(about("ALPHA-LCG2", "RESOLVED")).singleElement().satisfies(m -> {
            assertThat(m.body()).contains("Thank you for addressing this problem");
            assertThat(m.to()).contains("security@alpha.example.org", "admin@alpha.example.org");
        });
        assertThat(mailbox.withSubject("REMINDER")).hasSize(3).noneMatch(m -> m.concerns("ALPHA-LCG2"));

        // SEC03 4.3: GAMMA gets more time at the OMB's request
        run.runUntil(Instant.parse("2026-11-29T12:00:00Z"));
        run.decision("gamma-extension.yaml", """
                campaign: EGI-SVG-2026-31337
                site: GAMMA-CLOUD
                decision: extend
                new-deadline: 2026-12-08T10:00:00Z
                by: OMB
                reason: kernel update needs a downtime agreed with the experiments
                actor: jane.officer
                """);
        assertThat(about("GAMMA-CLOUD", "Deadline extended")).singleElement()
                .satisfies(m -> assertThat(m.body()).contains("Tuesday 8 December 2026").contains("granted by OMB"));

        // SEC03 2.6, 4.1: final warnings and the OMB summary 24 hours before
        run.runUntil(Instant.parse("2026-11-30T10:00:00Z"));
        assertThat(mailbox.withSubject("FINAL WARNING")).extracting(m -> m.subject().split(" ")[2])
                .containsExactlyInAnyOrder("BETA-GRID]", "DELTA-T2]");
        assertThat(about("BETA-GRID", "FINAL WARNING").get(0).to()).containsExactlyInAnyOrder("cert@beta.example.net", "security@ngi-aa.example.org");
        assertThat(mailbox.withSubject("OMB summary")).singleElement().satisfies(m -> {
            assertThat(m.to()).containsExactly("noc-managers@mailman.egi.eu");
            assertThat(m.body()).contains("* BETA-GRID (NGI NGI_AA)").contains("* DELTA-T2 (NGI NGI_BB)")
                    .contains("Response: no response").contains("extension: kernel update needs a downtime")
                    .doesNotContain("ALPHA-LCG2 (NGI");
        });

        // SEC03 4.4: the COO vetoes DELTA's suspension
        run.runUntil(Instant.parse("2026-11-30T12:00:00Z"));
        run.decision("delta-veto.yaml", """
                campaign: EGI-SVG-2026-31337
                site: DELTA-T2
                decision: veto
                by: COO
                reason: DELTA runs the data-taking service this week
                """);

        // SEC03 4.2: at the deadline BETA is proposed for suspension; the officer is asked
        run.runUntil(Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(mailbox.withSubject("DECISION NEEDED")).singleElement().satisfies(m -> {
            assertThat(m.concerns("BETA-GRID")).isTrue();
            assertThat(m.to()).containsExactly("csirt-duty@example.org");
            assertThat(m.body()).contains("final-warning (individual)").contains("ticket (individual)");
        });
        run.decision("beta-suspend.yaml", """
                campaign: EGI-SVG-2026-31337
                site: BETA-GRID
                decision: confirm-suspension
                reason: no response to the advisory, the ticket, 2 reminders and the final warning
                actor: jane.officer
                """);
        run.tick();
        assertThat(mailbox.withSubject("Site suspension decided")).singleElement().satisfies(m -> {
            assertThat(m.to()).containsExactly("noc-managers@mailman.egi.eu");
            assertThat(m.body()).contains("no response to the advisory");
        });
        assertThat(mailbox.withSubject("SITE SUSPENSION")).singleElement().satisfies(m ->
                assertThat(m.to()).contains("cert@beta.example.net"));
        assertThat(mailbox.withSubject("Site suspended")).singleElement().satisfies(m -> {
            assertThat(m.to()).containsExactly("noc-managers@mailman.egi.eu", "coo@egi.eu");
            assertThat(m.body()).contains("BETA-GRID (NGI NGI_AA) was suspended at Tuesday 1 December 2026");
        });

        // GAMMA: reminders go on until its own final warning; nothing for the vetoed or fixed sites
        run.runUntil(Instant.parse("2026-12-02T12:00:00Z"));
        assertThat(about("GAMMA-CLOUD", "REMINDER")).hasSize(5);
        assertThat(about("GAMMA-CLOUD", "FINAL WARNING")).isEmpty();
        assertThat(about("DELTA-T2", "DECISION NEEDED")).isEmpty();
        assertThat(mailbox.mails().stream().filter(m -> m.concerns("ALPHA-LCG2"))).hasSize(3);
        assertThat(Files.list(ROOT.resolve("decisions/done")).count()).isEqualTo(3);
    }
}
