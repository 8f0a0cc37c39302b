package eu.egi.csirt.cvh.domain.procedure;

/** When a site step applies (SDIS prerequisites). */
public enum Condition {
    /** The site has not acknowledged or answered (SDIS-2a). */
    NO_ACKNOWLEDGEMENT,
    /** The site has acknowledged but announced no solution (SDIS-2b). */
    ACKNOWLEDGED;

    public static Condition parse(String text) {
        return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
}
