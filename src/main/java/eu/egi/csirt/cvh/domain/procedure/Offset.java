package eu.egi.csirt.cvh.domain.procedure;

import eu.egi.csirt.cvh.domain.calendar.WorkingCalendar;

import java.time.Duration;
import java.time.Instant;

/** A signed distance in calendar days, working days (working hours count) and hours. */
public record Offset(long calendarDays, double workingDays, long hours) {

    public static final Offset ZERO = new Offset(0, 0, 0);

    public static Offset calendarDays(long days) { return new Offset(days, 0, 0); }
    public static Offset workingDays(double days) { return new Offset(0, days, 0); }
    public static Offset hours(long hours) { return new Offset(0, 0, hours); }

    public Instant applyTo(Instant from, WorkingCalendar calendar) {
        Instant t = calendar.plusCalendarDays(from, calendarDays);
        if (workingDays != 0) {
            t = calendar.plusWorkingDays(t, workingDays);
        }
        return t.plus(Duration.ofHours(hours));
    }

    public boolean isPositive() {
        return calendarDays > 0 || workingDays > 0 || hours > 0;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        if (calendarDays != 0) s.append(calendarDays).append(" calendar days ");
        if (workingDays != 0) s.append(workingDays).append(" working days ");
        if (hours != 0) s.append(hours).append(" hours ");
        return s.length() == 0 ? "0" : s.toString().trim();
    }
}
