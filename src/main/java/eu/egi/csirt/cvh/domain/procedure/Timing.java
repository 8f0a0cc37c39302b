package eu.egi.csirt.cvh.domain.procedure;

import eu.egi.csirt.cvh.domain.calendar.WorkingCalendar;

import java.time.Instant;
import java.util.Optional;

/** "At" a step: an anchor, an offset from it, and how to treat a non-working day. */
public record Timing(Anchor anchor, Offset offset, DayAdjust adjust) {

    public Optional<Instant> resolve(Anchors anchors, WorkingCalendar calendar) {
        return anchors.get(anchor).map(a -> adjust(offset.applyTo(a, calendar), calendar));
    }

    private Instant adjust(Instant t, WorkingCalendar calendar) {
        return switch (adjust) {
            case NONE -> t;
            case EARLIER_WORKING_DAY -> calendar.toWorkingDay(t, false);
            case LATER_WORKING_DAY -> calendar.toWorkingDay(t, true);
            case LATER_DEADLINE_DAY -> calendar.toDeadlineDay(t);
        };
    }
}
