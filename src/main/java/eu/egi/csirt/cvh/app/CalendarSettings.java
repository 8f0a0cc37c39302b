package eu.egi.csirt.cvh.app;

import eu.egi.csirt.cvh.domain.calendar.HolidayRule;
import eu.egi.csirt.cvh.domain.calendar.WorkingCalendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Builds the working calendar from {@code app.calendar.*}:
 * <pre>
 * app.calendar.zone=UTC
 * app.calendar.working-hours=09:00-17:00
 * app.calendar.weekend=SATURDAY,SUNDAY
 * app.calendar.holidays=01-01,easter-2,easter+1,05-01,12-25,12-26
 * app.calendar.extra-holidays=2027-03-25
 * </pre>
 * A holiday is MM-DD (every year), easter+N / easter-N (days from Easter Sunday) or YYYY-MM-DD.
 */
public final class CalendarSettings {
    private CalendarSettings() {}

    public static WorkingCalendar from(Settings s) {
        ZoneId zone = ZoneId.of(s.get("app.calendar.zone", "UTC"));
        String[] hours = s.get("app.calendar.working-hours", "09:00-17:00").split("-");
        if (hours.length != 2) {
            throw new IllegalArgumentException("app.calendar.working-hours must look like 09:00-17:00");
        }
        Set<DayOfWeek> weekend = EnumSet.noneOf(DayOfWeek.class);
        for (String d : s.get("app.calendar.weekend", "SATURDAY,SUNDAY").split(",")) {
            if (!d.isBlank()) weekend.add(DayOfWeek.valueOf(d.trim().toUpperCase(Locale.ROOT)));
        }
        List<HolidayRule> holidays = new ArrayList<>();
        for (String h : (s.get("app.calendar.holidays", "01-01,easter-2,easter+1,05-01,12-25,12-26")
                + "," + s.get("app.calendar.extra-holidays", "")).split(",")) {
            if (!h.isBlank()) holidays.add(holiday(h.trim()));
        }
        return new WorkingCalendar(zone, weekend, holidays,
                LocalTime.parse(hours[0].trim()), LocalTime.parse(hours[1].trim()));
    }

    public static HolidayRule holiday(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.startsWith("easter")) {
            String offset = t.substring("easter".length());
            int days = offset.isEmpty() ? 0 : Integer.parseInt(offset.startsWith("+") ? offset.substring(1) : offset);
            return new HolidayRule.EasterRelative(days, "Easter" + offset);
        }
        if (t.length() == 5) {
            return new HolidayRule.Fixed(MonthDay.parse("--" + t), t);
        }
        return new HolidayRule.Dated(LocalDate.parse(t), t);
    }
}
