package eu.egi.csirt.cvh.domain.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A request to start a campaign (the advisory file). {@code sites} empty means "from the monitoring".
 *
 * @param scope forced advisory scope; empty: decided by the procedure's individual-sites threshold
 */
public record Advisory(String id, String title, String procedureId, List<String> cves, String advisoryUrl,
                       String advisoryText, Instant issuedAt, List<String> sites, boolean headsUp,
                       Optional<AdvisoryScope> scope, String source) {}
