package eu.egi.csirt.cvh.routes;

import eu.egi.csirt.cvh.app.CvhConfiguration;
import eu.egi.csirt.cvh.support.Folders;
import eu.egi.csirt.cvh.support.Mailbox;
import eu.egi.csirt.cvh.support.RouteDriver;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A malformed advisory, an unknown procedure, a procedure file with an error, a broken feed and a bad
 * decision: each gets a clear error naming file and line, is moved to error/, and the runtime keeps going.
 */
@CamelMainTest(configurationClasses = CvhConfiguration.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
                "app.db.url=jdbc:hsqldb:mem:bad-input;hsqldb.tx=mvcc",
                "app.clock=virtual:2026-11-24T10:00:00Z",
                "app.triggers.enabled=false",
                "camel.main.routes-reload-enabled=false",
                "app.smtp.host=127.0.0.1",
                "app.smtp.port=3933",
                "app.config.folder=target/it/bad-input/config",
                "app.directory.file=src/test/resources/it/sites.csv",
                "app.advisories.folder=target/it/bad-input/advisories",
                "app.status.folder=target/it/bad-input/status",
                "app.decisions.folder=target/it/bad-input/decisions"})
class BadInputIsQuarantinedTest {

    static final Path ROOT = Path.of("target/it/bad-input");
    static Mailbox mailbox;

    @BeanInject
    CamelContext context;

    @BeforeAll
    static void prepare() throws IOException {
        Folders.fresh(ROOT);
        Path config = ROOT.resolve("config");
        try (Stream<Path> files = Files.walk(Path.of("config"))) {
            for (Path p : files.toList()) {
                Path target = config.resolve(Path.of("config").relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target); else Files.copy(p, target);
            }
        }
        Files.writeString(config.resolve("procedures/broken-proc.yaml"), """
                id: broken-proc
                deadline: {anchor: advisory, calendar-days: 7}
                steps:
                  - id: ticket
                    section: "2.4"
                    action: open-ticket
                    at: {anchor: the-day-after, calendar-days: -3}
                    template: ticket-opened.ftl
                    to: [site-admin]
                """);
        mailbox = new Mailbox(3933);
    }

    @AfterAll
    static void stop() {
        mailbox.stop();
    }

    private static String error(String folder, String file) throws IOException {
        Path moved = ROOT.resolve(folder).resolve("error").resolve(file);
        assertThat(moved).as(file + " moved to the error folder").exists();
        return Files.readString(ROOT.resolve(folder).resolve("error").resolve(file + ".error.txt"));
    }

    @Test
    void bad_files_go_to_error_with_their_reason_and_good_ones_still_work() throws IOException {
        RouteDriver run = new RouteDriver(context, ROOT);
        run.drop("advisories", "not-yaml.yaml", "title: [unclosed\ncves: x\n", "advisory-intake");
        assertThat(error("advisories", "not-yaml.yaml")).contains("not-yaml.yaml:").contains("not valid YAML");

        run.drop("advisories", "unknown-proc.yaml", """
                title: Something
                cves: [CVE-2026-1111]
                procedure: sec99-imaginary
                """, "advisory-intake");
        assertThat(error("advisories", "unknown-proc.yaml")).contains("unknown-proc.yaml:3")
                .contains("unknown procedure 'sec99-imaginary'").contains("sec03-critical");

        run.drop("advisories", "uses-broken.yaml", """
                title: Something
                cves: [CVE-2026-1111]
                procedure: broken-proc
                """, "advisory-intake");
        assertThat(error("advisories", "uses-broken.yaml")).contains("unknown procedure 'broken-proc'")
                .contains("broken-proc.yaml:7").contains("'the-day-after' is not a valid anchor");

        run.drop("advisories", "bad-cve.yaml", """
                title: Something
                cves: [CVE-26-1]
                procedure: sec03-critical
                """, "advisory-intake");
        assertThat(error("advisories", "bad-cve.yaml")).contains("bad-cve.yaml:2").contains("is not a CVE id");

        run.drop("status", "wrong-header.csv", "site,cve\nALPHA-LCG2,CVE-2026-31337\n", "status-intake");
        assertThat(error("status", "wrong-header.csv")).contains("expected the Pakiti header");

        run.drop("decisions", "no-such-campaign.yaml", """
                campaign: NOPE
                site: ALPHA-LCG2
                decision: veto
                by: COO
                reason: because
                """, "decision-intake");
        assertThat(error("decisions", "no-such-campaign.yaml")).contains("no campaign 'NOPE'");

        // the runtime is still running: a good feed and advisory start a campaign and mail goes out
        run.status("good.csv", "ALPHA-LCG2 wn1.alpha.example.org");
        run.drop("advisories", "good.yaml", """
                title: Critical thing
                cves: [CVE-2026-31337]
                procedure: sec03-critical
                """, "advisory-intake");
        run.tick();
        assertThat(mailbox.withSubject("ADVISORY")).singleElement().satisfies(m -> assertThat(m.to()).contains("security@alpha.example.org"));

        // an emptied feed while sites are vulnerable is refused, never "all fixed"
        run.drop("status", "empty.csv", "tag,cve,site,host,os,arch,last_report\n", "status-intake");
        assertThat(error("status", "empty.csv")).contains("refused");

        // seed 002 step 1: the officer marks a false positive; from then on the site is not counted vulnerable
        var status = context.getRegistry().lookupByNameAndType("wiring", eu.egi.csirt.cvh.app.Wiring.class).status;
        assertThat(status.vulnerableSites(java.util.List.of("CVE-2026-31337"))).contains("ALPHA-LCG2");
        run.decision("alpha-false-positive.yaml", """
                decision: false-positive
                site: ALPHA-LCG2
                cve: CVE-2026-31337
                reason: the kernel is a vendor build with the fix back-ported; Pakiti cannot see it
                actor: jane.officer
                """);
        assertThat(status.vulnerableSites(java.util.List.of("CVE-2026-31337"))).doesNotContain("ALPHA-LCG2");
        assertThat(Files.exists(ROOT.resolve("decisions/error/alpha-false-positive.yaml"))).isFalse();
    }
}
