package eu.egi.csirt.cvh.adapter.reply;

import eu.egi.csirt.cvh.adapter.mail.InboundMailStore;
import eu.egi.csirt.cvh.adapter.mail.OutboxMail;
import eu.egi.csirt.cvh.adapter.store.JdbcReplyCases;
import eu.egi.csirt.cvh.domain.campaign.CaseStatus;
import eu.egi.csirt.cvh.domain.campaign.SiteCase;
import eu.egi.csirt.cvh.domain.engine.Decision;
import eu.egi.csirt.cvh.domain.reply.ReplyClassifier;
import eu.egi.csirt.cvh.domain.reply.ReplyMatcher;
import eu.egi.csirt.cvh.support.EngineFixture;
import eu.egi.csirt.cvh.support.Procedures;
import eu.egi.csirt.cvh.support.ReplyMail;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static eu.egi.csirt.cvh.support.ReplyMail.aReply;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 002 steps 2-3 and SEC03 7: each kind of reply, arriving as a real MIME mail, drives the effect the
 * work instruction asks for; what needs a person is held for the officer; each reply is processed once.
 */
class Sdis2_3_RepliesActedOnTest {

    private static final Instant MONDAY = Instant.parse("2026-11-30T10:00:00Z");
    private static final String SUBJECT = "Re: [CVH ADV-1 ALPHA] ticket";
    private final EngineFixture f = new EngineFixture(MONDAY);
    private final InboundMailStore inbound = new InboundMailStore(f.database, f.clock);
    private final OutboxMail outboxMail = new OutboxMail(f.outbox, f.clock, new OutboxMail.MailIdentity("csirt@example.org", "", "cvh.test"), 3);
    private final ReplyProcessor processor = new ReplyProcessor(inbound,
            () -> new ReplyClassifier(PhraseFile.read(Procedures.CONFIG.resolve("replies/phrases.yaml"))),
            new JdbcReplyCases(f.database, f.directory(), outboxMail::threadId), f.engine, f.clock, ZoneOffset.UTC);

    @AfterEach
    void close() { f.close(); }

    private void sdisTicketFor(String site) {
        f.site(site).vulnerable(site);
        f.start("sdis-ticket");
        f.runUntil(MONDAY.plusSeconds(3600));
    }

    private Map<String, Integer> arrives(ReplyMail mail) {
        try {
            inbound.store(mail.message(), "imap:test");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return processor.processPending();
    }

    private SiteCase alpha() { return f.caseOf("ADV-1", "ALPHA"); }

    private List<String> lastReply(String column) {
        return f.database.inTransaction(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT " + column + " FROM inbound_message ORDER BY id DESC")) {
                rs.next();
                return List.of(String.valueOf(rs.getString(1)));
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void sdis_2b_an_acknowledgement_stops_the_friendly_reminders_and_the_progress_check_follows() {
        sdisTicketFor("ALPHA");
        assertThat(arrives(aReply().subject(SUBJECT).text("Hello,\n\nthanks, we are aware and working on it. The kernel update is planned"
                + " for Wednesday.\n\nBest regards,\nAlice"))).containsEntry("PROCESSED", 1);
        assertThat(alpha().acknowledgedAt()).isNotNull();
        f.runUntil(Instant.parse("2026-12-03T12:00:00Z"));
        assertThat(f.sent("reminder")).isEmpty();
        assertThat(f.sent("insist")).hasSize(1);
        assertThat(f.audit("ALPHA")).anySatisfy(a -> assertThat(a).startsWith("reply-received: acknowledged"));
        assertThat(lastReply("intent")).containsExactly("ACKNOWLEDGED");
    }

    @Test
    void sdis_3a_fixed_and_pakiti_shows_it_thanks_and_closes() {
        sdisTicketFor("ALPHA");
        f.fixed("ALPHA");
        arrives(aReply().subject(SUBJECT).sent(MONDAY.plusSeconds(1800)).text("We have updated the kernel on all worker nodes and rebooted them."));
        assertThat(alpha().status()).isEqualTo(CaseStatus.FIXED);
        f.deliverMail();
        assertThat(f.sent("ticket-closed")).singleElement().satisfies(p -> assertThat(p.entry().body()).contains("Thank you for addressing this problem"));
    }

    @Test
    void sdis_3a_fixed_but_last_report_older_than_the_claim_asks_to_run_the_pakiti_client_then_closes_when_clean() {
        sdisTicketFor("ALPHA");
        f.clock.set(Instant.parse("2026-11-30T15:00:00Z"));
        arrives(aReply().subject(SUBJECT).sent(Instant.parse("2026-11-30T14:30:00Z"))
                .text("We have updated the kernel on all worker nodes and rebooted them."));
        f.deliverMail();
        assertThat(f.sent("pakiti-client")).singleElement().satisfies(p -> {
            assertThat(p.entry().body()).contains("https://wiki.egi.eu/wiki/EGI_CSIRT:Pakiti_client");
            assertThat(p.entry().to()).contains("security@alpha.example");
        });
        assertThat(alpha().status()).isEqualTo(CaseStatus.OPEN);
        assertThat(alpha().fixClaimedAt()).isEqualTo(Instant.parse("2026-11-30T14:30:00Z"));
        f.clock.set(Instant.parse("2026-11-30T16:00:00Z"));
        f.fixed("ALPHA");
        f.runUntil(Instant.parse("2026-11-30T20:00:00Z"));
        assertThat(alpha().status()).as("closed by the follow-up, without any other message (SDIS 3a)").isEqualTo(CaseStatus.FIXED);
        assertThat(f.sent("ticket-closed")).hasSize(1);
    }

    @Test
    void sdis_3a_fixed_but_reports_since_the_claim_still_vulnerable_tells_the_site() {
        sdisTicketFor("ALPHA");
        f.clock.set(Instant.parse("2026-11-30T14:00:00Z"));
        f.vulnerable("ALPHA");
        f.clock.set(Instant.parse("2026-11-30T15:00:00Z"));
        arrives(aReply().subject(SUBJECT).sent(Instant.parse("2026-11-30T12:00:00Z")).text("The packages were updated this morning."));
        f.deliverMail();
        assertThat(f.sent("fix-not-confirmed")).singleElement().satisfies(p -> assertThat(p.entry().body()).contains("still show"));
        assertThat(alpha().status()).isEqualTo(CaseStatus.OPEN);
    }

    @Test
    void sdis_3a_the_advisorys_own_mitigation_waits_a_day_then_the_officer_looks() {
        f.site("ALPHA").vulnerable("ALPHA");
        f.startWithMitigations("sdis-ticket", List.of("kernel.unprivileged_userns_clone=0"));
        f.runUntil(MONDAY.plusSeconds(3600));
        arrives(aReply().subject(SUBJECT).text("As a mitigation we set kernel.unprivileged_userns_clone=0 on all nodes until we can reboot."));
        assertThat(alpha().followUp()).isEqualTo(SiteCase.FollowUp.MITIGATION);
        assertThat(alpha().pendingDecision()).isNull();
        f.runUntil(MONDAY.plusSeconds(3600 * 25));
        assertThat(alpha().pendingDecision()).contains("mitigation");
        assertThat(f.sent("reply-decision")).singleElement().satisfies(p -> assertThat(p.entry().to()).containsExactly(EngineFixture.LISTS.csirt()));
        assertThat(f.sent("mitigation-escalation")).isEmpty();
    }

    @Test
    void sdis_3a_a_mitigation_not_in_the_advisory_is_escalated_to_the_irtf_and_the_officer_decides() {
        sdisTicketFor("ALPHA");
        arrives(aReply().subject(SUBJECT).text("As a workaround we have disabled the affected module on all worker nodes."));
        f.deliverMail();
        assertThat(f.sent("mitigation-escalation")).singleElement().satisfies(p -> {
            assertThat(p.entry().to()).containsExactly(EngineFixture.LISTS.irtf());
            assertThat(p.entry().body()).contains("disabled the affected module");
        });
        assertThat(rtActions("mitigation-escalation")).containsExactly("comment");
        assertThat(alpha().pendingDecision()).contains("IRTF");
        f.engine.decide(new Decision.Accept("ADV-1", "ALPHA", "module blacklisted: accepted by the IRTF", "officer"));
        assertThat(alpha().status()).isEqualTo(CaseStatus.ACCEPTED);
        assertThat(alpha().pendingDecision()).isNull();
    }

    @Test
    void sec03_7_not_vulnerable_is_put_to_the_officer_and_a_refusal_tells_the_site_while_the_deadline_stands() {
        sdisTicketFor("ALPHA");
        Instant deadline = alpha().deadline();
        arrives(aReply().subject(SUBJECT).text("Our site is not affected: we do not run the vulnerable kernel, all nodes run EL9."));
        f.deliverMail();
        assertThat(f.sent("reply-decision")).singleElement().satisfies(p -> assertThat(p.entry().body()).contains("not vulnerable"));
        assertThat(alpha().deadline()).isEqualTo(deadline);
        assertThat(alpha().siteStatement()).startsWith("not-vulnerable:");
        f.engine.decide(new Decision.Refuse("ADV-1", "ALPHA", "Pakiti shows the vulnerable kernel running on 2 hosts", "officer"));
        f.deliverMail();
        assertThat(f.sent("refused")).singleElement().satisfies(p -> assertThat(p.entry().to()).contains("security@alpha.example"));
        assertThat(alpha().pendingDecision()).isNull();
        assertThat(alpha().deadline()).isEqualTo(deadline);
    }

    @Test
    void sec03_4_3_a_request_for_more_time_names_the_date_for_the_officer_and_changes_nothing_by_itself() {
        sdisTicketFor("ALPHA");
        Instant deadline = alpha().deadline();
        arrives(aReply().subject(SUBJECT).text("We need more time: could we have an extension until 2026-12-10 to schedule the downtime?"));
        f.deliverMail();
        assertThat(f.sent("reply-decision")).singleElement().satisfies(p -> assertThat(p.entry().body()).contains("2026-12-10"));
        assertThat(alpha().deadline()).isEqualTo(deadline);
    }

    @Test
    void sec03_4_1_2_the_omb_summary_shows_what_sites_stated_what_awaits_a_decision_and_what_was_accepted() {
        f.site("ALPHA").vulnerable("ALPHA").site("BETA").vulnerable("BETA");
        f.start("sec03-critical");
        f.runUntil(MONDAY.plusSeconds(3600));
        arrives(aReply().subject("Re: [CVH ADV-1 ALPHA] advisory").text("Our site is not affected: we do not run the vulnerable kernel."));
        arrives(aReply().from("security@beta.example").subject("Re: [CVH ADV-1 BETA] advisory")
                .text("As a workaround we have disabled the affected module on all worker nodes."));
        f.engine.decide(new Decision.Accept("ADV-1", "BETA", "module disabled: accepted after the IRTF's review", "officer"));
        f.runUntil(Instant.parse("2026-12-07T09:00:00Z"));
        assertThat(f.sent("omb-summary")).singleElement().satisfies(p -> assertThat(p.entry().body())
                .contains("* ALPHA").contains("the site stated: not-vulnerable: Our site is not affected")
                .contains("Decision: awaiting the CSIRT's decision")
                .contains("accepted by EGI CSIRT (SEC03 7.2)").contains("* BETA (NGI NGI_AA): mitigated: As a workaround"));
    }

    @Test
    void auto_replies_are_never_answered_nor_counted() {
        sdisTicketFor("ALPHA");
        int before = f.sent.size();
        assertThat(arrives(aReply().subject("Out of office: " + SUBJECT).header("Auto-Submitted", "auto-replied")
                .text("I am out of the office until Monday."))).containsEntry("IGNORED", 1);
        f.deliverMail();
        assertThat(f.sent).hasSize(before);
        assertThat(alpha().acknowledgedAt()).isNull();
        f.runUntil(Instant.parse("2026-12-02T11:00:00Z"));
        assertThat(f.sent("reminder")).as("not counted as a response").hasSize(1);
    }

    @Test
    void sdis_2a_a_bounce_marks_the_contact_invalid_tells_the_officer_and_adds_the_operational_contacts() {
        sdisTicketFor("ALPHA");
        String ticketMessageId = "<" + f.sent("ticket").get(0).id() + "@test>";
        storeRaw(ReplyMail.deliveryFailure("security@alpha.example", ticketMessageId));
        assertThat(processor.processPending()).containsEntry("PROCESSED", 1);
        f.deliverMail();
        assertThat(f.sent("contact-bounced")).singleElement().satisfies(p -> assertThat(p.entry().body()).contains("ops@alpha.example"));
        f.runUntil(Instant.parse("2026-12-02T11:00:00Z"));
        assertThat(f.sent("reminder")).singleElement().satisfies(p ->
                assertThat(p.entry().to()).contains("security@alpha.example", "ops@alpha.example"));
    }

    @Test
    void a_reply_from_someone_who_is_no_contact_of_the_site_is_held_and_changes_nothing() {
        sdisTicketFor("ALPHA");
        assertThat(arrives(aReply().from("mallory@evil.example").subject(SUBJECT).text("We have updated the kernel and rebooted.")))
                .containsEntry("HELD", 1);
        assertThat(alpha().acknowledgedAt()).isNull();
        assertThat(alpha().status()).isEqualTo(CaseStatus.OPEN);
        assertThat(alpha().pendingDecision()).as("the case's own question slot is not the sender's to fill").isNull();
        assertThat(lastReply("held_reason")).singleElement().asString().contains("not a registered contact");
        f.deliverMail();
        assertThat(f.sent("reply-decision")).singleElement().satisfies(p -> assertThat(p.entry().body()).contains("mallory@evil.example"));
    }

    @Test
    void a_bounce_of_the_csirts_own_mail_marks_no_site_contact_invalid() {
        sdisTicketFor("ALPHA");
        String ticketMessageId = "<" + f.sent("ticket").get(0).id() + "@test>";
        storeRaw(ReplyMail.deliveryFailure(EngineFixture.LISTS.csirt(), ticketMessageId));
        assertThat(processor.processPending()).containsEntry("HELD", 1);
        java.util.Set<String> invalid = f.store.inTransaction(tx -> tx.invalidContacts("ALPHA"));
        assertThat(invalid).isEmpty();
    }

    @Test
    void the_csirts_own_list_address_may_not_change_a_case_even_though_the_case_was_written_to_it() {
        sdisTicketFor("ALPHA");
        arrives(aReply().subject(SUBJECT).text("Our site is not affected: we do not run that kernel."));   // the officer is mailed
        f.deliverMail();
        assertThat(arrives(aReply().from(EngineFixture.LISTS.csirt()).subject(SUBJECT).text("We have updated the kernel and rebooted.")))
                .containsEntry("HELD", 1);
        assertThat(alpha().fixClaimedAt()).isNull();
    }

    @Test
    void sec03_4_5_a_fix_claimed_after_the_coordinator_was_asked_to_suspend_goes_to_the_officer() {
        try (EngineFixture g = EngineFixture.confirmingSuspensionsInGocdb(MONDAY)) {
            g.site("ALPHA").vulnerable("ALPHA");
            g.start("sdis-ticket");
            g.runUntil(Instant.parse("2026-12-03T14:00:00Z"));
            g.engine.decide(new Decision.ConfirmSuspension("ADV-1", "ALPHA", "no answer to the ticket and the reminders", "officer"));
            assertThat(g.caseOf("ADV-1", "ALPHA").status()).isEqualTo(CaseStatus.SUSPENSION_REQUESTED);
            g.fixed("ALPHA");
            InboundMailStore store = new InboundMailStore(g.database, g.clock);
            ReplyProcessor p = new ReplyProcessor(store, () -> new ReplyClassifier(PhraseFile.read(Procedures.CONFIG.resolve("replies/phrases.yaml"))),
                    new JdbcReplyCases(g.database, g.directory(), outboxMail::threadId), g.engine, g.clock, ZoneOffset.UTC);
            store.store(aReply().subject(SUBJECT).text("We have updated the kernel and rebooted all nodes.").message(), "imap:test");
            assertThat(p.processPending()).containsEntry("HELD", 1);
            g.runUntil(Instant.parse("2026-12-03T20:00:00Z"));
            assertThat(g.caseOf("ADV-1", "ALPHA").status()).as("only the officer calls off a requested suspension")
                    .isEqualTo(CaseStatus.SUSPENSION_REQUESTED);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_reply_whose_processing_fails_is_tried_again_then_parked_for_the_officer() throws Exception {
        sdisTicketFor("ALPHA");
        ReplyProcessor failing = new ReplyProcessor(inbound, () -> { throw new IllegalStateException("database not available"); },
                new JdbcReplyCases(f.database, f.directory(), outboxMail::threadId), f.engine, f.clock, ZoneOffset.UTC);
        inbound.store(aReply().subject(SUBJECT).text("We have updated the kernel.").message(), "imap:test");
        assertThat(failing.processPending()).containsEntry("RETRY", 1);
        assertThat(lastReply("status")).containsExactly("NEW");
        assertThat(failing.processPending()).containsEntry("RETRY", 1);
        assertThat(failing.processPending()).containsEntry("FAILED", 1);
        assertThat(lastReply("status")).containsExactly("FAILED");
        assertThat(lastReply("error_text")).singleElement().asString().contains("database not available");
        assertThat(processor.processPending()).as("parked: not processed again by itself").isEmpty();
    }

    @Test
    void our_rts_copy_of_a_tickets_correspondence_in_the_inbox_is_not_a_second_reply() throws Exception {
        sdisTicketFor("ALPHA");
        ReplyProcessor withRt = new ReplyProcessor(inbound, () -> new ReplyClassifier(PhraseFile.read(Procedures.CONFIG.resolve("replies/phrases.yaml"))),
                new JdbcReplyCases(f.database, f.directory(), outboxMail::threadId), java.util.Set.of("rt.test"), f.engine, f.clock, ZoneOffset.UTC);
        inbound.store(aReply().subject("[rt.test #7] " + SUBJECT).header("X-RT-Loop-Prevention", "rt.test")
                .text("We have updated the kernel and rebooted.").message(), "imap:test");
        assertThat(withRt.processPending()).containsEntry("IGNORED", 1);
        assertThat(alpha().fixClaimedAt()).isNull();
    }

    @Test
    void a_reply_whose_from_address_our_mail_server_found_forged_is_held() {
        sdisTicketFor("ALPHA");
        assertThat(arrives(aReply().subject(SUBJECT).header("Authentication-Results",
                "mx.example.org; spf=fail smtp.mailfrom=security@alpha.example; dkim=none; dmarc=fail header.from=alpha.example")
                .text("We have updated the kernel and rebooted.")))
                .containsEntry("HELD", 1);
        assertThat(alpha().fixClaimedAt()).isNull();
        assertThat(lastReply("held_reason")).singleElement().asString().contains("looks forged").contains("dmarc=fail");
    }

    @Test
    void the_same_mail_arriving_by_imap_and_through_rt_is_processed_once() throws Exception {
        sdisTicketFor("ALPHA");
        MimeMessage mail = aReply().subject(SUBJECT).text("Our site is not affected: we do not run that kernel.").message();
        inbound.store(mail, "imap:test");
        inbound.storeReply("rt-transaction:000000000000042", "rt:ticket/42", "security@alpha.example", SUBJECT,
                "From: security@alpha.example\r\nSubject: " + SUBJECT + "\r\n\r\nOur site is not affected: we do not run that kernel.",
                mail.getMessageID());
        assertThat(processor.processPending()).containsEntry("PROCESSED", 1).containsEntry("IGNORED", 1);
        f.deliverMail();
        assertThat(f.sent("reply-decision")).hasSize(1);
    }

    @Test
    void a_low_confidence_reply_never_stops_the_suspension_path() {
        sdisTicketFor("ALPHA");
        assertThat(arrives(aReply().subject(SUBJECT).text("thanks"))).containsEntry("HELD", 1);
        assertThat(alpha().acknowledgedAt()).as("an unsure acknowledgement would stop SDIS 3b").isNull();
    }

    @Test
    void a_reply_matching_no_case_waits_in_the_unmatched_queue() {
        sdisTicketFor("ALPHA");
        assertThat(arrives(aReply().from("someone@elsewhere.example").subject("Question about grid certificates")
                .text("How do I renew my certificate?"))).containsEntry("UNMATCHED", 1);
        assertThat(lastReply("status")).containsExactly("UNMATCHED");
    }

    @Test
    void a_reply_is_processed_once_even_when_handed_over_again() {
        sdisTicketFor("ALPHA");
        arrives(aReply().subject(SUBJECT).text("Our site is not affected: we do not run that kernel."));
        assertThat(processor.processPending()).isEmpty();
        long id = f.database.inTransaction(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT MAX(id) FROM inbound_message")) {
                rs.next();
                return rs.getLong(1);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        var again = new eu.egi.csirt.cvh.domain.engine.InboundReply(id, "imap:test", "security@alpha.example", SUBJECT, MONDAY,
                "Our site is not affected", new eu.egi.csirt.cvh.domain.reply.Classification(
                eu.egi.csirt.cvh.domain.engine.ReplyIntent.NOT_VULNERABLE, 0.9, "not affected"),
                java.util.Optional.of(new eu.egi.csirt.cvh.port.ReplyCases.CaseRef("ADV-1", alpha().id(), "ALPHA")), "test",
                List.of(), java.util.Optional.empty());
        assertThat(f.engine.handleReply(again).outcome()).isEqualTo("already processed");
        f.deliverMail();
        assertThat(f.sent("reply-decision")).hasSize(1);
    }

    @Test
    void a_malformed_mail_is_kept_with_its_error_and_the_next_reply_flows() throws Exception {
        sdisTicketFor("ALPHA");
        byte[] broken = ("From: security@alpha.example\r\nSubject: " + SUBJECT + "\r\nMessage-ID: <broken@site.example>\r\n"
                + "Content-Type: multipart/mixed\r\n\r\nno boundary at all\r\n").getBytes(StandardCharsets.US_ASCII);
        storeRaw(broken);
        inbound.store(aReply().subject(SUBJECT).text("We are working on it.").message(), "imap:test");
        Map<String, Integer> counts = processor.processPending();
        assertThat(counts).containsEntry("MALFORMED", 1).containsEntry("PROCESSED", 1);
        String error = f.database.inTransaction(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT error_text FROM inbound_message WHERE status = 'MALFORMED'")) {
                rs.next();
                return rs.getString(1);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(error).contains("cannot read the mail");
    }

    @Test
    void an_unknown_charset_is_kept_as_malformed_and_a_20_mb_attachment_does_not_stop_a_reply() throws Exception {
        sdisTicketFor("ALPHA");
        storeRaw(("From: security@alpha.example\r\nSubject: " + SUBJECT + "\r\nMessage-ID: <klingon@site.example>\r\n"
                + "Content-Type: text/plain; charset=x-klingon-1\r\n\r\nQapla'\r\n").getBytes(StandardCharsets.US_ASCII));
        var big = new jakarta.mail.internet.MimeMultipart();
        var text = new jakarta.mail.internet.MimeBodyPart();
        text.setText("We are working on it: the kernel update is planned for tomorrow. Logs attached.", "UTF-8");
        var logs = new jakarta.mail.internet.MimeBodyPart();
        logs.setDataHandler(new jakarta.activation.DataHandler(new jakarta.mail.util.ByteArrayDataSource(new byte[20 * 1024 * 1024],
                "application/octet-stream")));
        logs.setFileName("logs.tar.gz");
        logs.setDisposition(jakarta.mail.Part.ATTACHMENT);
        big.addBodyPart(text);
        big.addBodyPart(logs);
        MimeMessage m = aReply().subject(SUBJECT).message();
        m.setContent(big);
        m.saveChanges();
        inbound.store(m, "imap:test");

        Map<String, Integer> counts = processor.processPending();

        assertThat(counts).containsEntry("MALFORMED", 1).containsEntry("PROCESSED", 1);
        assertThat(alpha().acknowledgedAt()).isNotNull();
    }

    private void storeRaw(byte[] raw) {
        try {
            inbound.store(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)), "imap:test");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> rtActions(String kind) {
        return f.database.inTransaction(c -> {
            try (var ps = c.prepareStatement("SELECT operation FROM outbox WHERE channel = 'RT' AND kind = ?")) {
                ps.setString(1, kind);
                var rs = ps.executeQuery();
                List<String> out = new java.util.ArrayList<>();
                while (rs.next()) out.add(rs.getString(1));
                return out;
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
