package eu.egi.csirt.cvh.routes;

import eu.egi.csirt.cvh.app.CvhConfiguration;
import eu.egi.csirt.cvh.support.Folders;
import eu.egi.csirt.cvh.support.Mailbox;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The real runtime (camel-main, YAML routes, HSQLDB, SMTP to GreenMail): an advisory file in, the advisory mail out. */
@CamelMainTest(configurationClasses = CvhConfiguration.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
                "app.db.url=jdbc:hsqldb:mem:advisory-route;hsqldb.tx=mvcc",
                "app.clock=virtual:2026-11-24T10:00:00Z",
                "app.triggers.enabled=false",
                "camel.main.routes-reload-enabled=false",
                "app.smtp.host=127.0.0.1",
                "app.smtp.port=3931",
                "app.directory.file=src/test/resources/it/sites.csv",
                "app.advisories.folder=target/it/advisory-route/advisories",
                "app.status.folder=target/it/advisory-route/status",
                "app.decisions.folder=target/it/advisory-route/decisions"})
class Sec2_3_AdvisoryFileInAdvisoryMailOutTest {

    static Mailbox mailbox;

    @BeanInject
    CamelContext context;

    @BeforeAll
    static void startMailServer() throws Exception {
        mailbox = new Mailbox(3931);
        Folders.fresh(Path.of("target/it/advisory-route"));
    }

    @AfterAll
    static void stopMailServer() {
        mailbox.stop();
    }

    @Test
    void an_advisory_file_for_many_sites_sends_one_advisory_to_both_lists_with_the_omb_in_cc() throws Exception {
        NotifyBuilder statusIn = new NotifyBuilder(context).fromRoute("status-intake").whenDone(1).create();
        Path status = Path.of("target/it/advisory-route/status");
        Files.createDirectories(status);
        StringBuilder csv = new StringBuilder("tag,cve,site,host,os,arch,last_report\n");
        for (int i = 1; i <= 8; i++) {
            csv.append("EGI-Critical,CVE-2026-31337,SITE-").append(i).append(",wn").append(i).append(".example.org,\"Alma, 9\",x86_64,\"2026-11-24 06:00:00\"\n");
        }
        Files.writeString(status.resolve("hosts.csv"), csv);
        assertThat(statusIn.matches(20, TimeUnit.SECONDS)).isTrue();

        NotifyBuilder advisoryIn = new NotifyBuilder(context).fromRoute("advisory-intake").whenCompleted(1).create();
        Path advisories = Path.of("target/it/advisory-route/advisories");
        Files.createDirectories(advisories);
        Files.copy(Path.of("config/samples/advisories/EGI-SVG-2026-31337.yaml"), advisories.resolve("EGI-SVG-2026-31337.yaml"));
        assertThat(advisoryIn.matches(20, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.exists(advisories.resolve("EGI-SVG-2026-31337.yaml"))).as("the file is moved to done/").isFalse();

        ProducerTemplate template = context.createProducerTemplate();
        template.sendBody("direct:outbox-mail-deliver", null);

        assertThat(mailbox.mails()).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("[CVH EGI-SVG-2026-31337] ADVISORY: Critical privilege escalation in the Linux kernel"
                    + " (CVE-2026-31337) - action required by Tuesday 1 December 2026, 10:00 UTC");
            assertThat(m.to()).containsExactly("site-security-contacts@mailman.egi.eu", "ngi-security-contacts@mailman.egi.eu");
            assertThat(m.cc()).containsExactly("noc-managers@mailman.egi.eu");
            assertThat(m.body()).contains("DEADLINE: Tuesday 1 December 2026, 10:00 UTC").contains("SITE SUSPENSION IS LIKELY")
                    .contains("Update the kernel");
            assertThat(m.messageId()).endsWith("@cvh.example.org>");
            assertThat(m.raw().getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");
            assertThat(m.raw().getFrom()[0].toString()).contains("csirt-duty@example.org");
        });
        assertThat(mailbox.receivedCopies()).isEqualTo(3);

        template.sendBody("direct:outbox-mail-deliver", null);
        assertThat(mailbox.mails()).as("delivered once, not again").hasSize(1);
    }
}
