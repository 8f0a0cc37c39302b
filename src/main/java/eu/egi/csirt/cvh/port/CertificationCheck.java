package eu.egi.csirt.cvh.port;

import java.time.Instant;
import java.util.Optional;

/** GOCDB's record of certification status changes: did a site's status change, when and by whom. */
public interface CertificationCheck {

    /** The first change of the site to {@code status} after {@code after}, if GOCDB shows one. */
    Optional<StatusChange> changedTo(String site, String status, Instant after);

    record StatusChange(String site, String from, String to, Instant at, String changedBy) {}
}
