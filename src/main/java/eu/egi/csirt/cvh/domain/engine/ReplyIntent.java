package eu.egi.csirt.cvh.domain.engine;

/** What a site's reply means (seed 002 steps 2-3, SEC03 5.3 and 7). */
public enum ReplyIntent {
    ACKNOWLEDGED, FIXED, MITIGATED, NOT_VULNERABLE, NEEDS_HELP, NEEDS_TIME, AUTO_REPLY, BOUNCE, OTHER;

    public static ReplyIntent parse(String text) {
        return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }

    /** As written in config, mails and JSON: "not-vulnerable". */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Counts as the site having answered (so no "no acknowledgement" reminders). */
    public boolean isResponse() {
        return this != AUTO_REPLY && this != BOUNCE && this != OTHER;
    }
}
