package eu.egi.csirt.cvh.domain.campaign;

import java.time.Instant;

/** One site in one campaign (a second round after a re-introduction is a new case). */
public final class SiteCase {
    private long id;
    private final String campaignId;
    private final String site;
    private final String procedureId;
    private final int round;
    private final Instant detectedAt;
    private CaseStatus status = CaseStatus.OPEN;
    private Instant deadline;
    private String deadlineReason;
    private String ticketRef;
    private Instant ticketOpenedAt;
    private Instant acknowledgedAt;
    private String siteStatement;
    private Instant suspensionProposedAt;
    private Instant suspensionRequestedAt;
    private Instant coordinatorRemindedAt;
    private Instant suspendedAt;
    private Instant closedAt;
    private String closeReason;
    private Instant nextDueAt;
    private Instant fixClaimedAt;
    private FollowUp followUp;
    private Instant followUpAt;
    private String pendingDecision;
    private Instant pendingDecisionAt;

    /** What a site's reply left to check later (SDIS 3a). */
    public enum FollowUp {
        /** the site says it updated: close once the monitoring shows the hosts clean */
        FIX_CLAIM,
        /** the site applied the advisory's mitigation: look again after a day */
        MITIGATION
    }

    public SiteCase(long id, String campaignId, String site, String procedureId, int round, Instant detectedAt, Instant deadline) {
        this.id = id;
        this.campaignId = campaignId;
        this.site = site;
        this.procedureId = procedureId;
        this.round = round;
        this.detectedAt = detectedAt;
        this.deadline = deadline;
    }

    public long id() { return id; }
    public void assignId(long id) { this.id = id; }
    public String campaignId() { return campaignId; }
    public String site() { return site; }
    public String procedureId() { return procedureId; }
    public int round() { return round; }
    public Instant detectedAt() { return detectedAt; }
    public CaseStatus status() { return status; }
    public Instant deadline() { return deadline; }
    public String deadlineReason() { return deadlineReason; }
    public String ticketRef() { return ticketRef; }
    public Instant ticketOpenedAt() { return ticketOpenedAt; }
    public Instant acknowledgedAt() { return acknowledgedAt; }
    public String siteStatement() { return siteStatement; }
    public Instant suspensionProposedAt() { return suspensionProposedAt; }
    public Instant suspensionRequestedAt() { return suspensionRequestedAt; }
    public Instant coordinatorRemindedAt() { return coordinatorRemindedAt; }
    public Instant suspendedAt() { return suspendedAt; }
    public Instant closedAt() { return closedAt; }
    public String closeReason() { return closeReason; }
    public Instant nextDueAt() { return nextDueAt; }

    public Instant fixClaimedAt() { return fixClaimedAt; }
    public FollowUp followUp() { return followUp; }
    public Instant followUpAt() { return followUpAt; }
    /** What the officer is asked to decide about this case (null: nothing). */
    public String pendingDecision() { return pendingDecision; }
    public Instant pendingDecisionAt() { return pendingDecisionAt; }

    public boolean isClosed() { return status.isClosed(); }

    public void setStatus(CaseStatus status) { this.status = status; }
    public void setDeadline(Instant deadline, String reason) { this.deadline = deadline; this.deadlineReason = reason; }
    public void openTicket(String ref, Instant at) { this.ticketRef = ref; this.ticketOpenedAt = at; }
    public void acknowledge(Instant at) { if (acknowledgedAt == null) acknowledgedAt = at; }
    public void setSiteStatement(String statement) { this.siteStatement = statement; }
    public void proposeSuspension(Instant at) { this.status = CaseStatus.SUSPENSION_PROPOSED; this.suspensionProposedAt = at; }
    public void requestSuspension(Instant at, String reason) { this.status = CaseStatus.SUSPENSION_REQUESTED; this.suspensionRequestedAt = at; this.closeReason = reason; }
    public void coordinatorReminded(Instant at) { this.coordinatorRemindedAt = at; }
    public void suspend(Instant at, String reason) { this.status = CaseStatus.SUSPENDED; this.suspendedAt = at; this.closeReason = reason; this.closedAt = at; }
    public void close(CaseStatus finalStatus, Instant at, String reason) { this.status = finalStatus; this.closedAt = at; this.closeReason = reason; }
    public void reopen() { this.status = CaseStatus.OPEN; this.suspensionProposedAt = null; }
    public void setNextDueAt(Instant t) { this.nextDueAt = t; }
    public void claimFixed(Instant claimedAt) { if (fixClaimedAt == null || claimedAt.isAfter(fixClaimedAt)) fixClaimedAt = claimedAt; }
    public void followUp(FollowUp what, Instant at) { this.followUp = what; this.followUpAt = at; }
    public void clearFollowUp() { this.followUp = null; this.followUpAt = null; }
    public void askOfficer(String question, Instant at) { this.pendingDecision = question; this.pendingDecisionAt = at; }
    public void decisionTaken() { this.pendingDecision = null; this.pendingDecisionAt = null; }

    /** Restores the state replies left; used by the store only. */
    public void restoreReplyState(Instant fixClaimedAt, FollowUp followUp, Instant followUpAt, String pendingDecision,
                                  Instant pendingDecisionAt) {
        this.fixClaimedAt = fixClaimedAt;
        this.followUp = followUp;
        this.followUpAt = followUpAt;
        this.pendingDecision = pendingDecision;
        this.pendingDecisionAt = pendingDecisionAt;
    }

    /** Restores persisted fields; used by the store only. */
    public void restore(CaseStatus status, String deadlineReason, String ticketRef, Instant ticketOpenedAt, Instant acknowledgedAt,
                        String siteStatement, Instant suspensionProposedAt, Instant suspensionRequestedAt,
                        Instant coordinatorRemindedAt, Instant suspendedAt, Instant closedAt,
                        String closeReason, Instant nextDueAt) {
        this.status = status;
        this.deadlineReason = deadlineReason;
        this.ticketRef = ticketRef;
        this.ticketOpenedAt = ticketOpenedAt;
        this.acknowledgedAt = acknowledgedAt;
        this.siteStatement = siteStatement;
        this.suspensionProposedAt = suspensionProposedAt;
        this.suspensionRequestedAt = suspensionRequestedAt;
        this.coordinatorRemindedAt = coordinatorRemindedAt;
        this.suspendedAt = suspendedAt;
        this.closedAt = closedAt;
        this.closeReason = closeReason;
        this.nextDueAt = nextDueAt;
    }

    @Override
    public String toString() {
        return "case " + id + " " + campaignId + "/" + site + " round " + round + " " + status;
    }
}
