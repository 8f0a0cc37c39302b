package eu.egi.csirt.cvh.domain.procedure;

/** What to do when a step's day is not a working day. */
public enum DayAdjust {
    NONE,
    /** Move to the previous working day (SEC03 2.4: open the ticket 4 or 5 days before instead). */
    EARLIER_WORKING_DAY,
    /** Move to the next working day (SEC03 3.1: longer over a weekend or holiday). */
    LATER_WORKING_DAY,
    /** Move to the next day that is neither a Friday, a weekend day nor a holiday (SEC03 2.3). */
    LATER_DEADLINE_DAY;

    public static DayAdjust parse(String text) {
        return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
}
