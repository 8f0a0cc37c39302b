package eu.egi.csirt.cvh.domain.campaign;

/** Where one site stands in a campaign. */
public enum CaseStatus {
    /** Vulnerable (or not yet known to be fixed) and being followed up. */
    OPEN(false),
    /** SEC03 4.2: the deadline passed, the site is still vulnerable; the officer decides. */
    SUSPENSION_PROPOSED(false),
    /** SEC03 4.5: the CSIRT coordinator was asked to suspend the site in GOCDB; not yet seen there. */
    SUSPENSION_REQUESTED(false),
    /** SEC03 2.5: fixed; ticket closed with thanks. */
    FIXED(true),
    /** Not vulnerable any more when its ticket was due: no ticket needed. */
    NOT_AFFECTED(true),
    /** SEC03 4.5: suspended. */
    SUSPENDED(true),
    /** SEC03 4.4: the OMB majority or the COO said no suspension. */
    VETOED(true),
    /** The CSIRT decided not to suspend (SEC03 4: suspension "MAY" be invoked). */
    CANCELLED(true),
    /** SEC03 7.2: a mitigation or explanation accepted by CSIRT. */
    ACCEPTED(true);

    private final boolean closed;

    CaseStatus(boolean closed) { this.closed = closed; }

    public boolean isClosed() { return closed; }
}
