package eu.egi.csirt.cvh.domain.procedure;

import eu.egi.csirt.cvh.domain.calendar.WorkingCalendar;
import eu.egi.csirt.cvh.support.Procedures;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** SEC03 2.3: the deadline is at least 7 calendar days after the advisory, off Fridays, weekends and holidays. */
class Sec2_3_DeadlineSevenDaysOffFridaysWeekendsHolidaysTest {

    private final Planner planner = new Planner(WorkingCalendar.standard());
    private final ProcedureDefinition sec03 = Procedures.sec03Critical();

    @Test
    void a_tuesday_advisory_has_its_deadline_the_next_tuesday() {
        assertThat(planner.deadline(sec03, Instant.parse("2026-11-24T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
    }

    @Test
    void a_deadline_on_a_friday_moves_to_the_monday() {
        assertThat(planner.deadline(sec03, Instant.parse("2026-11-20T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
    }

    @Test
    void a_deadline_on_a_weekend_moves_to_the_monday() {
        assertThat(planner.deadline(sec03, Instant.parse("2026-11-21T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
    }

    @Test
    void good_friday_weekend_and_easter_monday_push_the_deadline_to_tuesday() {
        // 2027-03-19 + 7 = Good Friday 26 March; 27/28 weekend; 29 Easter Monday
        assertThat(planner.deadline(sec03, Instant.parse("2027-03-19T10:00:00Z")))
                .isEqualTo(Instant.parse("2027-03-30T10:00:00Z"));
    }

    @Test
    void christmas_and_new_year_push_the_deadline_past_the_holidays() {
        // 2026-12-18 + 7 = Friday 25 Dec (holiday, Friday); 26, 27 weekend/holiday -> Monday 28
        assertThat(planner.deadline(sec03, Instant.parse("2026-12-18T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-28T10:00:00Z"));
        // 2027-12-25 + 7 = Saturday 1 Jan 2028 -> Monday 3 Jan
        assertThat(planner.deadline(sec03, Instant.parse("2027-12-25T10:00:00Z")))
                .isEqualTo(Instant.parse("2028-01-03T10:00:00Z"));
    }

    @Test
    void a_holiday_added_in_config_moves_the_deadline() {
        Planner withHoliday = new Planner(WorkingCalendar.standard().withExtraHolidays(List.of(LocalDate.of(2026, 12, 1))));
        assertThat(withHoliday.deadline(sec03, Instant.parse("2026-11-24T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-02T10:00:00Z"));
    }

    @Test
    void the_deadline_is_never_less_than_seven_days_for_any_start_over_two_years() {
        Instant t = Instant.parse("2026-01-01T00:30:00Z");
        for (int i = 0; i < 2 * 365 * 4; i++, t = t.plusSeconds(6 * 3600)) {
            Instant d = planner.deadline(sec03, t);
            assertThat(d).isAfterOrEqualTo(t.plusSeconds(7 * 86400));
            assertThat(WorkingCalendar.standard().isDeadlineDay(WorkingCalendar.standard().dateOf(d))).isTrue();
        }
    }
}
