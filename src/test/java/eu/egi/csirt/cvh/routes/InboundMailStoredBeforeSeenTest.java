package eu.egi.csirt.cvh.routes;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import eu.egi.csirt.cvh.app.CvhConfiguration;
import eu.egi.csirt.cvh.app.Wiring;
import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * IMAP in, with GreenMail: each reply is stored raw (with its Message-ID) before it is marked seen; a
 * mail fetched twice is stored once; a mail without Message-ID or with broken MIME is still stored.
 */
@CamelMainTest(configurationClasses = CvhConfiguration.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
                "app.db.url=jdbc:hsqldb:mem:inbound-mail;hsqldb.tx=mvcc",
                "app.clock=virtual:2026-11-24T10:00:00Z",
                "app.triggers.enabled=false",
                "camel.main.routes-reload-enabled=false",
                "app.smtp.host=127.0.0.1",
                "app.smtp.port=3935",
                "app.imap.enabled=true",
                "app.imap.host=127.0.0.1",
                "app.imap.port=3936",
                "app.imap.username=csirt-duty@example.org",
                "app.imap.password=inbox-secret",
                "app.imap.poll-millis=200",
                "app.directory.file=src/test/resources/it/sites.csv",
                "app.advisories.folder=target/it/inbound/advisories",
                "app.status.folder=target/it/inbound/status",
                "app.decisions.folder=target/it/inbound/decisions"})
class InboundMailStoredBeforeSeenTest {

    static GreenMail server;
    static GreenMailUser inbox;

    @BeanInject
    CamelContext context;

    @BeforeAll
    static void startMailServer() {
        server = new GreenMail(new ServerSetup[] {new ServerSetup(3935, "127.0.0.1", "smtp"), new ServerSetup(3936, "127.0.0.1", "imap")});
        server.start();
        inbox = server.setUser("csirt-duty@example.org", "csirt-duty@example.org", "inbox-secret");
    }

    @AfterAll
    static void stopMailServer() {
        server.stop();
    }

    private static MimeMessage mail(String path) throws Exception {
        try (var in = Files.newInputStream(Path.of(path))) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }

    private static MimeMessage mail(byte[] raw) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
    }

    private List<String> stored() {
        Wiring wiring = context.getRegistry().lookupByNameAndType("wiring", Wiring.class);
        return wiring.database.inTransaction(c -> {
            List<String> out = new ArrayList<>();
            try (var ps = c.prepareStatement("SELECT dedup_key, status, subject, size_bytes, raw FROM inbound_message ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + " | " + rs.getString(2) + " | " + rs.getString(3) + " | "
                            + (rs.getLong(4) == rs.getBytes(5).length));
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            return out;
        });
    }

    @Test
    void each_reply_is_stored_once_raw_and_only_then_marked_seen() throws Exception {
        NotifyBuilder four = new NotifyBuilder(context).fromRoute("inbound-mail").whenCompleted(4).create();
        inbox.deliver(mail("src/test/resources/mail/01-ack.eml"));
        inbox.deliver(mail("src/test/resources/mail/02-fixed.eml"));
        inbox.deliver(mail(("From: someone@example.org\r\nSubject: no id here\r\n\r\nplain body\r\n").getBytes(StandardCharsets.US_ASCII)));
        inbox.deliver(mail(("From: broken@example.org\r\nSubject: broken mime\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"nope\"\r\n\r\n--other\r\nnot closed\r\n").getBytes(StandardCharsets.US_ASCII)));
        assertThat(four.matches(20, TimeUnit.SECONDS)).isTrue();

        assertThat(stored()).hasSize(4).allSatisfy(row -> assertThat(row).endsWith("| true"));
        assertThat(stored().get(0)).startsWith("message-id:<").contains("| NEW |");
        assertThat(stored()).anySatisfy(row -> assertThat(row).startsWith("sha256:").contains("no id here"));
        for (var m : server.getReceivedMessages()) {
            assertThat(m.getFlags().contains(Flags.Flag.SEEN)).as(m.getSubject() + " marked seen after storing").isTrue();
        }

        // the same reply again (a second fetch, or a resend): stored once
        NotifyBuilder again = new NotifyBuilder(context).fromRoute("inbound-mail").whenCompleted(1).create();
        inbox.deliver(mail("src/test/resources/mail/01-ack.eml"));
        assertThat(again.matches(20, TimeUnit.SECONDS)).isTrue();
        assertThat(stored()).hasSize(4);
    }
}
