package eu.egi.csirt.cvh.routes;

import eu.egi.csirt.cvh.support.Folders;
import eu.egi.csirt.cvh.support.Mailbox;
import eu.egi.csirt.cvh.support.RouteDriver;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Stop the runtime mid-campaign and start it again on the same (file) database: nothing twice, nothing missed. */
class RestartNeverSendsTwiceTest {

    static final Path ROOT = Path.of("target/it/restart");
    static Mailbox mailbox;

    @BeforeAll
    static void start() {
        Folders.fresh(ROOT);
        mailbox = new Mailbox(3934);
    }

    @AfterAll
    static void stop() {
        mailbox.stop();
    }

    private static Main runtime(Instant now) throws Exception {
        Properties p = new Properties();
        p.putAll(Map.of(
                "app.db.url", "jdbc:hsqldb:file:" + ROOT.resolve("db/cvh") + ";shutdown=true;hsqldb.tx=mvcc",
                "app.clock", "virtual:" + now,
                "app.triggers.enabled", "false",
                "camel.main.routes-reload-enabled", "false",
                "app.smtp.host", "127.0.0.1",
                "app.smtp.port", "3934",
                "app.directory.file", "src/test/resources/it/sites.csv",
                "app.advisories.folder", ROOT.resolve("advisories").toString(),
                "app.status.folder", ROOT.resolve("status").toString(),
                "app.decisions.folder", ROOT.resolve("decisions").toString()));
        Main main = new Main();
        main.setPropertyPlaceholderLocations("file:config/application.properties");
        main.setOverrideProperties(p);
        main.start();
        return main;
    }

    private static Map<String, Integer> subjectsCount() {
        Map<String, Integer> out = new TreeMap<>();
        mailbox.mails().forEach(m -> out.merge(m.subject(), 1, Integer::sum));
        return out;
    }

    @Test
    void a_restart_mid_campaign_neither_duplicates_nor_skips() throws Exception {
        Main first = runtime(Instant.parse("2026-11-24T10:00:00Z"));
        RouteDriver run = new RouteDriver(first.getCamelContext(), ROOT);
        run.status("feed.csv", "ALPHA-LCG2 wn1.alpha.example.org", "BETA-GRID ce1.beta.example.net");
        run.drop("advisories", "EGI-SVG-2026-31337.yaml", Files.readString(Path.of("config/samples/advisories/EGI-SVG-2026-31337.yaml")),
                "advisory-intake");
        run.runUntil(Instant.parse("2026-11-28T10:00:00Z"));
        int before = mailbox.mails().size();
        assertThat(mailbox.withSubject("REMINDER")).hasSize(2);
        first.stop();

        Main second = runtime(Instant.parse("2026-11-28T10:00:00Z"));
        try {
            RouteDriver again = new RouteDriver(second.getCamelContext(), ROOT);
            again.tick();
            assertThat(mailbox.mails()).as("the same moment after a restart sends nothing new").hasSize(before);
            again.runUntil(Instant.parse("2026-12-01T10:00:00Z"));
        } finally {
            second.stop();
        }
        int expectedCopies = mailbox.mails().stream().mapToInt(m -> m.to().size() + m.cc().size()).sum();
        assertThat(mailbox.receivedCopies()).as("no Message-ID delivered twice").isEqualTo(expectedCopies);
        subjectsCount().forEach((subject, n) -> {
            if (!subject.contains("REMINDER")) assertThat(n).as(subject).isEqualTo(1);
        });
        assertThat(mailbox.withSubject("REMINDER")).as("Saturday and Sunday for each site").hasSize(4);
        assertThat(mailbox.withSubject("FINAL WARNING")).hasSize(2);
        assertThat(mailbox.withSubject("DECISION NEEDED")).hasSize(2);
    }
}
