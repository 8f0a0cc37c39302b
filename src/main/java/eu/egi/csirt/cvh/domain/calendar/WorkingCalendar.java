package eu.egi.csirt.cvh.domain.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Working days and working hours: weekends and public holidays are not working days;
 * a working day runs from {@code workStart} to {@code workEnd} in {@code zone}.
 */
public final class WorkingCalendar {

    private final ZoneId zone;
    private final Set<DayOfWeek> weekend;
    private final List<HolidayRule> holidays;
    private final LocalTime workStart;
    private final LocalTime workEnd;
    private final Map<Integer, Set<LocalDate>> holidaysByYear = new ConcurrentHashMap<>();

    public WorkingCalendar(ZoneId zone, Set<DayOfWeek> weekend, List<HolidayRule> holidays,
                           LocalTime workStart, LocalTime workEnd) {
        if (!workEnd.isAfter(workStart)) {
            throw new IllegalArgumentException("working hours must end after they start: " + workStart + "-" + workEnd);
        }
        this.zone = zone;
        this.weekend = weekend.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(weekend);
        this.holidays = List.copyOf(holidays);
        this.workStart = workStart;
        this.workEnd = workEnd;
    }

    /** Saturday and Sunday off, the default holidays, 09:00-17:00 UTC. */
    public static WorkingCalendar standard() {
        return new WorkingCalendar(ZoneId.of("UTC"), EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                HolidayRule.defaults(), LocalTime.of(9, 0), LocalTime.of(17, 0));
    }

    public WorkingCalendar withExtraHolidays(List<LocalDate> dates) {
        List<HolidayRule> all = new ArrayList<>(holidays);
        dates.forEach(d -> all.add(new HolidayRule.Dated(d, "added holiday")));
        return new WorkingCalendar(zone, weekend, all, workStart, workEnd);
    }

    public ZoneId zone() { return zone; }
    public LocalTime workStart() { return workStart; }
    public LocalTime workEnd() { return workEnd; }
    public List<HolidayRule> holidays() { return holidays; }

    public Duration workingDayLength() {
        return Duration.between(workStart, workEnd);
    }

    public boolean isHoliday(LocalDate date) {
        return holidaysByYear.computeIfAbsent(date.getYear(), this::holidaysIn).contains(date);
    }

    public boolean isWeekend(LocalDate date) {
        return weekend.contains(date.getDayOfWeek());
    }

    public boolean isWorkingDay(LocalDate date) {
        return !isWeekend(date) && !isHoliday(date);
    }

    /** SEC03 2.3: a deadline may not fall on a Friday, a weekend day or a holiday. */
    public boolean isDeadlineDay(LocalDate date) {
        return isWorkingDay(date) && date.getDayOfWeek() != DayOfWeek.FRIDAY;
    }

    public LocalDate dateOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    public ZonedDateTime at(Instant instant) {
        return instant.atZone(zone);
    }

    /** Moves an instant day by day (keeping its time of day) until its date is a working day. */
    public Instant toWorkingDay(Instant instant, boolean forward) {
        ZonedDateTime t = instant.atZone(zone);
        while (!isWorkingDay(t.toLocalDate())) {
            t = forward ? t.plusDays(1) : t.minusDays(1);
        }
        return t.toInstant();
    }

    /** Moves an instant forward day by day (keeping its time of day) until its date is a valid deadline day. */
    public Instant toDeadlineDay(Instant instant) {
        ZonedDateTime t = instant.atZone(zone);
        while (!isDeadlineDay(t.toLocalDate())) {
            t = t.plusDays(1);
        }
        return t.toInstant();
    }

    public Instant plusCalendarDays(Instant instant, long days) {
        return instant.atZone(zone).plusDays(days).toInstant();
    }

    /**
     * Adds (or, when negative, subtracts) working time: only time inside working hours on
     * working days counts. One working day is {@link #workingDayLength()}.
     */
    public Instant plusWorkingTime(Instant from, Duration amount) {
        if (amount.isZero()) {
            return from;
        }
        boolean forward = !amount.isNegative();
        long remaining = Math.abs(amount.getSeconds());
        ZonedDateTime t = clampIntoWorkingTime(from.atZone(zone), forward);
        while (true) {
            ZonedDateTime dayStart = t.toLocalDate().atTime(workStart).atZone(zone);
            ZonedDateTime dayEnd = t.toLocalDate().atTime(workEnd).atZone(zone);
            long available = forward ? Duration.between(t, dayEnd).getSeconds() : Duration.between(dayStart, t).getSeconds();
            if (remaining <= available) {
                return (forward ? t.plusSeconds(remaining) : t.minusSeconds(remaining)).toInstant();
            }
            remaining -= available;
            t = clampIntoWorkingTime(forward ? dayEnd.plusDays(1).with(workStart) : dayStart.minusDays(1).with(workEnd), forward);
        }
    }

    public Instant plusWorkingDays(Instant from, double days) {
        long seconds = Math.round(workingDayLength().getSeconds() * days);
        return plusWorkingTime(from, Duration.ofSeconds(seconds));
    }

    /** The nearest moment inside working time, looking forward or backward from t. */
    private ZonedDateTime clampIntoWorkingTime(ZonedDateTime t, boolean forward) {
        ZonedDateTime c = t;
        for (int guard = 0; guard < 3700; guard++) {
            LocalDate d = c.toLocalDate();
            LocalTime time = c.toLocalTime();
            if (isWorkingDay(d)) {
                if (forward) {
                    if (time.isBefore(workStart)) return d.atTime(workStart).atZone(zone);
                    if (time.isBefore(workEnd)) return c;
                } else {
                    if (time.isAfter(workEnd)) return d.atTime(workEnd).atZone(zone);
                    if (time.isAfter(workStart)) return c;
                }
            }
            c = forward ? d.plusDays(1).atTime(workStart).atZone(zone) : d.minusDays(1).atTime(workEnd).atZone(zone);
        }
        throw new IllegalStateException("no working time within ten years of " + t);
    }

    private Set<LocalDate> holidaysIn(int year) {
        Set<LocalDate> dates = new java.util.HashSet<>();
        for (HolidayRule rule : holidays) {
            rule.in(year).ifPresent(dates::add);
        }
        return Set.copyOf(dates);
    }
}
