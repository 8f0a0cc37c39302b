package eu.egi.csirt.cvh.domain.procedure;

/** The moments a step's time is measured from. */
public enum Anchor {
    /** When the advisory was issued (the campaign start). */
    ADVISORY,
    /** When this site was found vulnerable (re-introduced problems start here). */
    DETECTED,
    /** The site's deadline, including any extension. */
    DEADLINE,
    /** The ticket's due date: the site's deadline (SDIS speaks of the due date). */
    TICKET_DUE,
    /** When the site's ticket was opened. */
    TICKET_OPENED;

    public static Anchor parse(String text) {
        return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }

    public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
