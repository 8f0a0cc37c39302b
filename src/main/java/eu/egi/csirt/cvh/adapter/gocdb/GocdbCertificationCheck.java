package eu.egi.csirt.cvh.adapter.gocdb;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a certification status change requested of the CSIRT coordinator was carried out in the GOCDB portal
 * (GOCDB has no API call that changes it): suspension (SEC03 4.5; 6.4 needs its date-time and who changed it) and
 * reinstatement (back to Uncertified, 4.6). Always asks GOCDB (no cache): it is polled until the change appears.
 * A GOCDB failure is thrown as {@link GocdbException}, so the caller can tell "not yet" from "cannot tell".
 */
public final class GocdbCertificationCheck {

    private final GocdbClient gocdb;

    /** This check as the engine's port. */
    public eu.egi.csirt.cvh.port.CertificationCheck asPort() {
        return (site, status, after) -> changedTo(site, status, after).map(c ->
                new eu.egi.csirt.cvh.port.CertificationCheck.StatusChange(c.site(), c.from(), c.to(), c.at(), c.changedBy()));
    }

    public GocdbCertificationCheck(GocdbClient gocdb) {
        this.gocdb = Objects.requireNonNull(gocdb, "gocdb");
    }

    /**
     * The first change of the site to {@code status} at or after {@code after}, if GOCDB has one. GOCDB keeps whole
     * seconds, so {@code after} is compared at second precision (a change in the same second as the request counts).
     */
    public Optional<StatusChange> changedTo(String site, String status, Instant after) {
        Instant from = after.truncatedTo(ChronoUnit.SECONDS);
        // startdate only narrows the answer; a day earlier so no zone reading of it can drop the change we want
        return gocdb.certStatusChanges(site, after.atOffset(ZoneOffset.UTC).toLocalDate().minusDays(1)).stream()
                .filter(c -> c.to().equalsIgnoreCase(status))
                .filter(c -> !c.at().isBefore(from))
                .min(Comparator.comparing(StatusChange::at));
    }

    /** The site's certification status now, read from {@code get_site} (not the directory's cache). */
    public Optional<String> currentStatus(String site) {
        return gocdb.site(site).map(GocdbClient.Site::certificationStatus);
    }
}
