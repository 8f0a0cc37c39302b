package eu.egi.csirt.cvh.domain.engine;

import eu.egi.csirt.cvh.domain.campaign.CaseStatus;
import eu.egi.csirt.cvh.support.EngineFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The SDIS work instruction: ticket due in 3 days, reminders 1 and 0.5 working day before, then suspension. */
class SdisTicketWorkInstructionTest {

    private static final Instant MONDAY = Instant.parse("2026-11-30T10:00:00Z");
    private final EngineFixture f = new EngineFixture(MONDAY);

    @AfterEach
    void close() { f.close(); }

    @Test
    void sdis_2a_no_answer_friendly_reminder_then_last_reminder_to_operational_contacts_then_suspension_24h_later() {
        f.site("ALPHA").vulnerable("ALPHA");
        f.start("sdis-ticket");
        f.runUntil(Instant.parse("2026-12-02T10:00:00Z"));
        assertThat(f.sent("ticket")).singleElement().satisfies(p -> assertThat(p.entry().to()).contains("security@alpha.example"));
        assertThat(f.sent("reminder")).as(f.audit("ALPHA").toString()).singleElement().satisfies(p -> assertThat(p.entry().body())
                .contains("This is a friendly reminder that we didn't receive any update about this ticket!"));
        f.runUntil(Instant.parse("2026-12-02T14:00:00Z"));
        assertThat(f.sent("final-warning")).singleElement().satisfies(p -> {
            assertThat(p.entry().to()).contains("ops@alpha.example", "security@alpha.example");
            assertThat(p.entry().body()).contains("last reminder");
        });
        f.runUntil(Instant.parse("2026-12-03T10:00:00Z"));
        assertThat(f.caseOf("ADV-1", "ALPHA").status()).as("due date reached, but the last reminder is not 24 h old (SEC03 5.5)")
                .isEqualTo(CaseStatus.OPEN);
        f.runUntil(Instant.parse("2026-12-03T14:00:00Z"));
        assertThat(f.caseOf("ADV-1", "ALPHA").status()).isEqualTo(CaseStatus.SUSPENSION_PROPOSED);
    }

    @Test
    void sdis_2b_an_acknowledged_site_still_vulnerable_is_insisted_upon_and_not_suspended_by_the_work_instruction() {
        f.site("ALPHA").vulnerable("ALPHA");
        f.start("sdis-ticket");
        f.runUntil(Instant.parse("2026-11-30T15:00:00Z"));
        f.engine.decide(new Decision.SiteReply("ADV-1", "ALPHA", ReplyIntent.ACKNOWLEDGED, "We are on it.", "security@alpha.example"));
        f.runUntil(Instant.parse("2026-12-03T12:00:00Z"));
        assertThat(f.sent("insist")).singleElement().satisfies(p -> assertThat(p.entry().body()).contains("still shows"));
        assertThat(f.sent("reminder")).isEmpty();
        assertThat(f.sent("final-warning")).isEmpty();
        assertThat(f.caseOf("ADV-1", "ALPHA").status()).isEqualTo(CaseStatus.OPEN);
    }

    @Test
    void sdis_2b_a_vanished_vulnerability_is_not_taken_as_fixed_without_confirmation() {
        f.site("ALPHA").vulnerable("ALPHA");
        f.start("sdis-ticket");
        f.runUntil(Instant.parse("2026-11-30T15:00:00Z"));
        f.engine.decide(new Decision.SiteReply("ADV-1", "ALPHA", ReplyIntent.ACKNOWLEDGED, "ok", "security@alpha.example"));
        f.fixed("ALPHA");
        f.runUntil(Instant.parse("2026-12-02T10:00:00Z"));
        assertThat(f.sent("confirm-fixed")).singleElement().satisfies(p ->
                assertThat(p.entry().body()).contains("not simply that the affected node(s) were not"));
    }

    @Test
    void sdis_3a_a_site_that_says_fixed_and_is_clean_is_thanked_and_closed() {
        f.site("ALPHA").vulnerable("ALPHA");
        f.start("sdis-ticket");
        f.runUntil(Instant.parse("2026-12-01T09:00:00Z"));
        f.fixed("ALPHA");
        String outcome = f.engine.decide(new Decision.SiteReply("ADV-1", "ALPHA", ReplyIntent.FIXED, "kernel updated, rebooted", "security@alpha.example"));
        f.deliverMail();
        assertThat(outcome).contains("monitoring agrees");
        assertThat(f.caseOf("ADV-1", "ALPHA").status()).isEqualTo(CaseStatus.FIXED);
        assertThat(f.sent("ticket-closed")).singleElement().satisfies(p -> assertThat(p.entry().body()).contains("Thank you for addressing this problem"));
    }
}
