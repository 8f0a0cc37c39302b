package eu.egi.csirt.cvh.domain.procedure;

/** How a mail counts towards SEC03 5.4 (at least 3 notifications before suspension). */
public enum NotificationKind {
    NONE,
    /** The initial deadline notification, by list or individually. */
    INITIAL,
    /** An individual notification to the site. */
    INDIVIDUAL,
    /** The final warning (SEC03 4.1.1, 5.5), individual. */
    FINAL_WARNING;

    public boolean counts() { return this != NONE; }
}
