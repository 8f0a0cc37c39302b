package eu.egi.csirt.cvh.domain.procedure;

import eu.egi.csirt.cvh.domain.calendar.WorkingCalendar;
import eu.egi.csirt.cvh.support.Procedures;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** SEC03 2.4-2.6, 4.1: ticket 3 days before (earlier over a weekend), daily checks, final warning 24 h before. */
class Sec2_4_TicketThreeDaysBeforeDeadlineTest {

    private final Planner planner = new Planner(WorkingCalendar.standard());

    private Instant at(List<PlannedStep> plan, String step) {
        return plan.stream().filter(p -> p.step().id().equals(step)).findFirst().orElseThrow().at();
    }

    @Test
    void the_ticket_opens_three_calendar_days_before_a_midweek_deadline() {
        List<PlannedStep> plan = planner.plan(Procedures.sec03Critical(), Instant.parse("2026-11-24T10:00:00Z"));
        // deadline Tue 1 Dec -> 3 days before is Sat 28 Nov -> Fri 27 Nov (4 days before)
        assertThat(at(plan, "ticket")).isEqualTo(Instant.parse("2026-11-27T10:00:00Z"));
    }

    @Test
    void the_ticket_opens_on_the_working_day_three_days_before_a_thursday_deadline() {
        List<PlannedStep> plan = planner.plan(Procedures.sec03Critical(), Instant.parse("2026-11-26T10:00:00Z"));
        assertThat(at(plan, "ticket")).isEqualTo(Instant.parse("2026-11-30T10:00:00Z")); // Mon for Thu 3 Dec
    }

    @Test
    void a_ticket_day_on_a_weekend_is_moved_earlier_never_later() {
        // deadline Monday 30 Nov -> Friday 27 Nov (3 days before) is a working day
        List<PlannedStep> monday = planner.plan(Procedures.sec03Critical(), Instant.parse("2026-11-20T10:00:00Z"));
        assertThat(at(monday, "ticket")).isEqualTo(Instant.parse("2026-11-27T10:00:00Z"));
        // deadline Wed 2 Dec -> Sun 29 Nov -> Fri 27 Nov (5 days before)
        List<PlannedStep> wednesday = planner.plan(Procedures.sec03Critical(), Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(at(wednesday, "ticket")).isEqualTo(Instant.parse("2026-11-27T10:00:00Z"));
        for (Instant issued = Instant.parse("2026-01-01T09:00:00Z"); issued.isBefore(Instant.parse("2027-01-01T00:00:00Z"));
             issued = issued.plus(Duration.ofHours(13))) {
            List<PlannedStep> plan = planner.plan(Procedures.sec03Critical(), issued);
            assertThat(Duration.between(at(plan, "ticket"), planner.deadline(Procedures.sec03Critical(), issued)))
                    .isGreaterThanOrEqualTo(Duration.ofDays(3));
        }
    }

    @Test
    void daily_checks_run_from_the_day_after_the_ticket_until_the_final_warning() {
        List<PlannedStep> plan = planner.plan(Procedures.sec03Critical(), Instant.parse("2027-03-19T10:00:00Z"));
        List<Instant> checks = plan.stream().filter(p -> p.step().id().equals("daily-check")).map(PlannedStep::at).toList();
        // ticket Thursday 25 (27 Saturday, 26 Good Friday): checks each day until 24 h before Tuesday 30
        assertThat(checks).containsExactly(Instant.parse("2027-03-26T10:00:00Z"),
                Instant.parse("2027-03-27T10:00:00Z"), Instant.parse("2027-03-28T10:00:00Z"));
    }

    @Test
    void final_warning_and_omb_summary_are_24_hours_before_the_deadline_and_suspension_is_proposed_at_it() {
        List<PlannedStep> plan = planner.plan(Procedures.sec03Critical(), Instant.parse("2026-11-24T10:00:00Z"));
        assertThat(at(plan, "final-warning")).isEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
        assertThat(at(plan, "omb-summary")).isEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
        assertThat(at(plan, "propose-suspension")).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
    }
}
