package eu.egi.csirt.cvh.domain.campaign;

import java.time.Instant;

/** One line of a campaign's audit trail: who did what, when. */
public record AuditEntry(String campaignId, Long caseId, String site, Instant at, String actor, String event, String detail) {}
