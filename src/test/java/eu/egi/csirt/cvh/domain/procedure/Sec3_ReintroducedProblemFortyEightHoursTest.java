package eu.egi.csirt.cvh.domain.procedure;

import eu.egi.csirt.cvh.domain.calendar.WorkingCalendar;
import eu.egi.csirt.cvh.support.Procedures;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** SEC03 3 and 5.4.2: at least 48 hours, longer over a weekend or holiday; check and reminder after 24 h. */
class Sec3_ReintroducedProblemFortyEightHoursTest {

    private final Planner planner = new Planner(WorkingCalendar.standard());

    @Test
    void a_problem_found_on_monday_has_48_hours() {
        assertThat(planner.deadline(Procedures.sec03Reintroduced(), Instant.parse("2026-11-30T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-02T10:00:00Z"));
    }

    @Test
    void a_problem_found_on_thursday_gets_until_monday_not_the_weekend() {
        assertThat(planner.deadline(Procedures.sec03Reintroduced(), Instant.parse("2026-11-26T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
    }

    @Test
    void a_problem_found_before_christmas_gets_past_the_holidays() {
        // Wed 23 Dec + 48 h = Fri 25 Dec (holiday) -> Sat, Sun -> Mon 28 Dec
        assertThat(planner.deadline(Procedures.sec03Reintroduced(), Instant.parse("2026-12-23T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-28T10:00:00Z"));
    }

    @Test
    void check_reminder_and_omb_notice_after_24_hours_then_final_warning_then_proposal() {
        List<PlannedStep> plan = planner.plan(Procedures.sec03Reintroduced(), Instant.parse("2026-11-26T10:00:00Z"));
        assertThat(plan).extracting(p -> p.step().id() + " " + p.at()).containsExactly(
                "ticket 2026-11-26T10:00:00Z",
                "check-24h 2026-11-27T10:00:00Z",
                "omb-notice 2026-11-27T10:00:00Z",
                "final-warning 2026-11-29T10:00:00Z",
                "propose-suspension 2026-11-30T10:00:00Z");
    }
}
