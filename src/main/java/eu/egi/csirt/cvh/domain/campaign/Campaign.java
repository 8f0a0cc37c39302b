package eu.egi.csirt.cvh.domain.campaign;

import java.time.Instant;
import java.util.List;

/** One critical vulnerability being driven to closure: the advisory and its deadline. */
public record Campaign(
        String id,
        String title,
        String procedureId,
        List<String> cves,
        String advisoryUrl,
        String advisoryText,
        Instant issuedAt,
        Instant deadline,
        AdvisoryScope scope,
        boolean headsUp,
        CampaignStatus status,
        Instant nextDueAt,
        String source,
        List<String> mitigations) {

    /** @param mitigations the mitigations the advisory lists (SDIS 3a: a site's "same" mitigation is one of these) */
    public Campaign {
        mitigations = mitigations == null ? List.of() : List.copyOf(mitigations);
    }

    public Campaign(String id, String title, String procedureId, List<String> cves, String advisoryUrl, String advisoryText,
                    Instant issuedAt, Instant deadline, AdvisoryScope scope, boolean headsUp, CampaignStatus status,
                    Instant nextDueAt, String source) {
        this(id, title, procedureId, cves, advisoryUrl, advisoryText, issuedAt, deadline, scope, headsUp, status, nextDueAt, source, List.of());
    }

    public Campaign withStatus(CampaignStatus s) {
        return new Campaign(id, title, procedureId, cves, advisoryUrl, advisoryText, issuedAt, deadline, scope, headsUp, s, nextDueAt, source, mitigations);
    }

    public Campaign withNextDueAt(Instant t) {
        return new Campaign(id, title, procedureId, cves, advisoryUrl, advisoryText, issuedAt, deadline, scope, headsUp, status, t, source, mitigations);
    }

    public String cveList() {
        return String.join(", ", cves);
    }
}
