package eu.egi.csirt.cvh.domain.calendar;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;

/** One public holiday: a fixed day every year, a day relative to Easter Sunday, or one dated day. */
public sealed interface HolidayRule {

    Optional<LocalDate> in(int year);

    String describe();

    record Fixed(MonthDay day, String name) implements HolidayRule {
        public Optional<LocalDate> in(int year) {
            return day.isValidYear(year) ? Optional.of(day.atYear(year)) : Optional.empty();
        }
        public String describe() { return name + " (" + day + ")"; }
    }

    record EasterRelative(int offsetDays, String name) implements HolidayRule {
        public Optional<LocalDate> in(int year) {
            return Optional.of(Easter.sunday(year).plusDays(offsetDays));
        }
        public String describe() { return name + " (Easter " + (offsetDays >= 0 ? "+" : "") + offsetDays + ")"; }
    }

    record Dated(LocalDate date, String name) implements HolidayRule {
        public Optional<LocalDate> in(int year) {
            return date.getYear() == year ? Optional.of(date) : Optional.empty();
        }
        public String describe() { return name + " (" + date + ")"; }
    }

    /** The default list of the procedure's "common public holidays". */
    static java.util.List<HolidayRule> defaults() {
        return java.util.List.of(
                new Fixed(MonthDay.of(1, 1), "New Year's Day"),
                new EasterRelative(-2, "Good Friday"),
                new EasterRelative(1, "Easter Monday"),
                new Fixed(MonthDay.of(5, 1), "Labour Day"),
                new Fixed(MonthDay.of(12, 25), "Christmas Day"),
                new Fixed(MonthDay.of(12, 26), "Boxing Day"));
    }
}
