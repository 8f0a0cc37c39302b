package eu.egi.csirt.cvh.domain.procedure;

/** What a step does. The procedure YAML chooses steps, times, texts and recipients; these are their meanings. */
public enum StepAction {
    /** SEC03 2.1: optional heads-up before the advisory. */
    HEADS_UP(Scope.CAMPAIGN, NotificationKind.NONE),
    /** SEC03 2.3: the advisory with its covering letter and deadline. */
    ADVISORY(Scope.CAMPAIGN, NotificationKind.INITIAL),
    /** SEC03 2.4 / 3.1 / SDIS-1: open a ticket for a site that is still vulnerable. */
    OPEN_TICKET(Scope.SITE, NotificationKind.INDIVIDUAL),
    /** SEC03 2.5 / 3.2: fixed: close with thanks; not fixed: remind. */
    CHECK(Scope.SITE, NotificationKind.INDIVIDUAL),
    /** SDIS-2a: a reminder (conditions decide when). */
    REMINDER(Scope.SITE, NotificationKind.INDIVIDUAL),
    /** SDIS-2b: Pakiti unchanged: insist; vulnerability gone: ask to confirm it is fixed, not an unreached node. */
    PROGRESS_CHECK(Scope.SITE, NotificationKind.INDIVIDUAL),
    /** SEC03 4.1.1: final warning. */
    FINAL_WARNING(Scope.SITE, NotificationKind.FINAL_WARNING),
    /** SEC03 2.6 / 4.1.2: list of unfixed sites and summary to the OMB. */
    OMB_SUMMARY(Scope.CAMPAIGN, NotificationKind.NONE),
    /** SEC03 3.2: tell the OMB about one site that has not acted. */
    OMB_NOTICE(Scope.SITE, NotificationKind.NONE),
    /** SEC03 4.2: at the deadline a still-vulnerable site becomes "suspension proposed". */
    PROPOSE_SUSPENSION(Scope.SITE, NotificationKind.NONE);

    private final Scope scope;
    private final NotificationKind notification;

    StepAction(Scope scope, NotificationKind notification) {
        this.scope = scope;
        this.notification = notification;
    }

    public Scope scope() { return scope; }
    public NotificationKind notification() { return notification; }

    public static StepAction parse(String text) {
        return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }

    public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public enum Scope { CAMPAIGN, SITE }
}
