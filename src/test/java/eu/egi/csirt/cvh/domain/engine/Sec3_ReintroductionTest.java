package eu.egi.csirt.cvh.domain.engine;

import eu.egi.csirt.cvh.domain.campaign.CaseStatus;
import eu.egi.csirt.cvh.support.EngineFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** SEC03 3, 5.4.2: a site vulnerable again, or late in the run-up, gets 48 hours and its own path to suspension. */
class Sec3_ReintroductionTest {

    private static final Instant ISSUED = Instant.parse("2026-11-24T10:00:00Z");
    private final EngineFixture f = new EngineFixture(ISSUED);

    @AfterEach
    void close() { f.close(); }

    @Test
    void a_site_that_turns_vulnerable_again_over_a_weekend_gets_a_ticket_referencing_the_advisory_and_until_monday() {
        f.sixVulnerableSites();
        f.start("sec03-critical");
        f.runUntil(Instant.parse("2026-11-28T08:00:00Z"));
        f.fixed("ALPHA");
        f.runUntil(Instant.parse("2026-11-28T10:00:00Z"));
        assertThat(f.caseOf("ADV-1", "ALPHA").status()).isEqualTo(CaseStatus.FIXED);
        f.runUntil(Instant.parse("2026-12-03T10:00:00Z"));
        f.vulnerable("ALPHA");                       // Thursday 3 December 10:00
        f.runUntil(Instant.parse("2026-12-03T11:00:00Z"));
        var again = f.caseOf("ADV-1", "ALPHA");
        assertThat(again.round()).isEqualTo(2);
        assertThat(again.procedureId()).isEqualTo("sec03-reintroduced");
        assertThat(again.deadline()).as("48 h is Saturday: moved to Monday").isEqualTo(Instant.parse("2026-12-07T10:00:00Z"));
        var ticket = f.sent("ticket").stream().filter(p -> p.entry().site().equals("ALPHA")).reduce((a, b) -> b).orElseThrow();
        assertThat(ticket.entry().subject()).contains("vulnerable again");
        assertThat(ticket.entry().body()).contains("advisory issued on").contains("---- The earlier advisory ----")
                .contains("Update the kernel and reboot.");
        f.runUntil(Instant.parse("2026-12-04T11:00:00Z"));
        assertThat(f.sent("reminder").stream().filter(p -> p.entry().site().equals("ALPHA") && p.entry().createdAt()
                .equals(Instant.parse("2026-12-04T10:00:00Z")))).as("check and reminder after 24 h").hasSize(1);
        assertThat(f.sent("omb-notice")).singleElement().satisfies(p -> assertThat(p.entry().site()).isEqualTo("ALPHA"));
        f.runUntil(Instant.parse("2026-12-07T11:00:00Z"));
        assertThat(f.sent("final-warning").stream().filter(p -> p.entry().site().equals("ALPHA") && p.entry().caseId() == again.id())).hasSize(1);
        assertThat(f.caseOf("ADV-1", "ALPHA").status()).isEqualTo(CaseStatus.SUSPENSION_PROPOSED);
    }

    @Test
    void a_site_vulnerable_only_after_the_tickets_went_out_is_handled_as_a_late_problem_with_48_hours() {
        f.sixVulnerableSites();
        f.site("OMEGA");
        f.start("sec03-critical");
        f.runUntil(Instant.parse("2026-11-30T14:00:00Z"));
        f.vulnerable("OMEGA");
        f.runUntil(Instant.parse("2026-11-30T15:00:00Z"));
        var late = f.caseOf("ADV-1", "OMEGA");
        assertThat(late.procedureId()).isEqualTo("sec03-reintroduced");
        assertThat(late.deadline()).isEqualTo(Instant.parse("2026-12-02T14:00:00Z"));
        assertThat(f.audit("OMEGA")).anySatisfy(a -> assertThat(a).contains("late in the run-up"));
    }

    @Test
    void a_site_vulnerable_before_the_tickets_simply_joins_the_campaign() {
        f.sixVulnerableSites();
        f.site("OMEGA");
        f.start("sec03-critical");
        f.runUntil(Instant.parse("2026-11-25T10:00:00Z"));
        f.vulnerable("OMEGA");
        f.runUntil(Instant.parse("2026-11-27T10:00:00Z"));
        assertThat(f.caseOf("ADV-1", "OMEGA").procedureId()).isEqualTo("sec03-critical");
        assertThat(f.sent("ticket").stream().filter(p -> p.entry().site().equals("OMEGA"))).hasSize(1);
    }
}
