package eu.egi.csirt.cvh.domain.calendar;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WorkingCalendarTest {

    private final WorkingCalendar calendar = WorkingCalendar.standard();

    @Test
    void easter_is_computed_not_typed() {
        assertThat(Easter.sunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(Easter.sunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(Easter.sunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
        assertThat(Easter.sunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
        assertThat(Easter.sunday(2285)).isEqualTo(LocalDate.of(2285, 3, 22));
    }

    @Test
    void default_holidays_are_new_year_good_friday_easter_monday_may_day_christmas() {
        assertThat(calendar.isHoliday(LocalDate.of(2027, 1, 1))).isTrue();
        assertThat(calendar.isHoliday(LocalDate.of(2027, 3, 26))).as("Good Friday 2027").isTrue();
        assertThat(calendar.isHoliday(LocalDate.of(2027, 3, 29))).as("Easter Monday 2027").isTrue();
        assertThat(calendar.isHoliday(LocalDate.of(2027, 5, 1))).isTrue();
        assertThat(calendar.isHoliday(LocalDate.of(2026, 12, 25))).isTrue();
        assertThat(calendar.isHoliday(LocalDate.of(2026, 12, 26))).isTrue();
        assertThat(calendar.isHoliday(LocalDate.of(2027, 3, 30))).isFalse();
    }

    @Test
    void weekends_and_holidays_are_not_working_days_and_fridays_are_not_deadline_days() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 28))).as("Saturday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 27))).as("Friday").isTrue();
        assertThat(calendar.isDeadlineDay(LocalDate.of(2026, 11, 27))).as("Friday").isFalse();
        assertThat(calendar.isDeadlineDay(LocalDate.of(2026, 11, 30))).as("Monday").isTrue();
    }

    @Test
    void extra_holidays_come_from_config_or_the_command_line() {
        WorkingCalendar withExtra = calendar.withExtraHolidays(List.of(LocalDate.of(2027, 3, 25)));
        assertThat(withExtra.isWorkingDay(LocalDate.of(2027, 3, 25))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 3, 25))).isTrue();
    }

    @Test
    void one_working_day_before_a_monday_morning_is_the_friday_morning() {
        Instant mondayTen = Instant.parse("2026-11-30T10:00:00Z");
        assertThat(calendar.plusWorkingDays(mondayTen, -1)).isEqualTo(Instant.parse("2026-11-27T10:00:00Z"));
    }

    @Test
    void half_a_working_day_is_four_working_hours_and_skips_the_night() {
        Instant tuesdayEleven = Instant.parse("2026-12-01T11:00:00Z");
        assertThat(calendar.plusWorkingDays(tuesdayEleven, -0.5)).isEqualTo(Instant.parse("2026-11-30T15:00:00Z"));
        assertThat(calendar.plusWorkingTime(Instant.parse("2026-11-27T15:00:00Z"), Duration.ofHours(4)))
                .as("Friday 15:00 + 4 working hours").isEqualTo(Instant.parse("2026-11-30T11:00:00Z"));
    }

    @Test
    void working_time_from_outside_working_hours_starts_at_the_nearest_working_moment() {
        Instant saturday = Instant.parse("2026-11-28T12:00:00Z");
        assertThat(calendar.plusWorkingDays(saturday, -1)).isEqualTo(Instant.parse("2026-11-27T09:00:00Z"));
        assertThat(calendar.plusWorkingDays(saturday, 1)).isEqualTo(Instant.parse("2026-11-30T17:00:00Z"));
    }

    @Test
    void christmas_and_new_year_are_skipped_by_working_time() {
        Instant dec24 = Instant.parse("2026-12-24T16:00:00Z"); // Thursday; 25 Fri and 26 Sat holidays
        assertThat(calendar.plusWorkingDays(dec24, 1)).isEqualTo(Instant.parse("2026-12-28T16:00:00Z"));
        Instant dec31 = Instant.parse("2027-12-31T12:00:00Z"); // Friday; 1 Jan Saturday
        assertThat(calendar.toWorkingDay(dec31.plus(Duration.ofDays(1)), true)).isEqualTo(Instant.parse("2028-01-03T12:00:00Z"));
    }

    @Test
    void working_hours_and_zone_are_configurable() {
        WorkingCalendar amsterdam = new WorkingCalendar(java.time.ZoneId.of("Europe/Amsterdam"),
                java.util.EnumSet.of(java.time.DayOfWeek.SATURDAY, java.time.DayOfWeek.SUNDAY), HolidayRule.defaults(),
                java.time.LocalTime.of(8, 0), java.time.LocalTime.of(16, 0));
        // Monday 08:00 CET is 07:00Z; one working day back is Friday 08:00 CET
        assertThat(amsterdam.plusWorkingDays(Instant.parse("2026-11-30T07:00:00Z"), -1))
                .isEqualTo(Instant.parse("2026-11-27T07:00:00Z"));
    }
}
