package eu.egi.csirt.cvh.domain.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A request to start a campaign (the advisory file). {@code sites} empty means "from the monitoring".
 *
 * @param mitigations the mitigations the advisory lists, as phrases a site's reply would name
 * @param scope forced advisory scope; empty: decided by the procedure's individual-sites threshold
 */
public record Advisory(String id, String title, String procedureId, List<String> cves, String advisoryUrl,
                       String advisoryText, Instant issuedAt, List<String> sites, boolean headsUp,
                       Optional<AdvisoryScope> scope, String source, List<String> mitigations) {

    public Advisory {
        mitigations = mitigations == null ? List.of() : List.copyOf(mitigations);
    }

    public Advisory(String id, String title, String procedureId, List<String> cves, String advisoryUrl, String advisoryText,
                    Instant issuedAt, List<String> sites, boolean headsUp, Optional<AdvisoryScope> scope, String source) {
        this(id, title, procedureId, cves, advisoryUrl, advisoryText, issuedAt, sites, headsUp, scope, source, List.of());
    }
}
