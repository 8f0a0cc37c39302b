package eu.egi.csirt.cvh.domain.procedure;

/** Who a mail goes to; resolved per site from the site directory, or from the configured lists. */
public enum Role {
    SITE_SECURITY, SITE_ADMIN, NGI_SECURITY, OPERATIONAL, ROD,
    SITE_SECURITY_LIST, NGI_SECURITY_LIST, OMB, COO, CSIRT, COORDINATOR, IRTF;

    public static Role parse(String text) {
        return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }

    public boolean isSiteRole() {
        return this == SITE_SECURITY || this == SITE_ADMIN || this == NGI_SECURITY || this == OPERATIONAL || this == ROD;
    }
}
