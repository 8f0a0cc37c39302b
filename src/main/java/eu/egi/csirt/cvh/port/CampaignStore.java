package eu.egi.csirt.cvh.port;

import eu.egi.csirt.cvh.domain.campaign.AuditEntry;
import eu.egi.csirt.cvh.domain.campaign.Campaign;
import eu.egi.csirt.cvh.domain.campaign.Notification;
import eu.egi.csirt.cvh.domain.campaign.OutboxEntry;
import eu.egi.csirt.cvh.domain.campaign.SiteCase;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Campaign state, step executions, outbox and audit trail; every change inside one transaction. */
public interface CampaignStore {

    <T> T inTransaction(Function<Tx, T> work);

    interface Tx {
        Optional<Campaign> campaign(String id);
        List<Campaign> campaigns();
        void insertCampaign(Campaign campaign);
        void updateCampaign(Campaign campaign);
        List<String> campaignsDue(Instant now);

        List<SiteCase> cases(String campaignId);
        List<SiteCase> cases(String campaignId, eu.egi.csirt.cvh.domain.campaign.CaseStatus status);
        /** The ids of open cases whose next step is due, oldest first. */
        List<Long> casesDue(Instant now, int limit);
        /** A case, locked for update until the transaction ends. */
        Optional<SiteCase> caseForUpdate(long id);
        Optional<SiteCase> latestCase(String campaignId, String site);
        void insertCase(SiteCase siteCase);
        void updateCase(SiteCase siteCase);

        Set<String> executedSteps(String scope);
        /** Records that a step occurrence ran; false if it was already recorded. */
        boolean recordExecution(String scope, String stepKey, String stepId, String section, Instant at, String outcome);

        /** Adds an action to the outbox; false (and nothing written) if its key is already there. */
        boolean enqueue(OutboxEntry entry);
        /** The notifications counted by SEC03 5.4 for a case: its own and its campaign's list advisory. */
        List<Notification> notifications(long caseId, String campaignId);

        void audit(AuditEntry entry);

        /** Takes a stored reply for processing; false if it was already processed (then nothing is done twice). */
        boolean claimReply(long replyId);
        /** Takes a reply held for the officer (HELD or UNMATCHED); false if it is not waiting any more. */
        boolean claimHeldReply(long replyId);
        /** Records what became of a claimed reply, in the same transaction as its effects. */
        void finishReply(long replyId, eu.egi.csirt.cvh.domain.engine.InboundReply reply,
                         eu.egi.csirt.cvh.domain.engine.InboundReply.Outcome outcome, Instant at);

        /** Every address the runtime wrote to about this case (the ticket's requestors and copies). */
        Set<String> addressesWrittenTo(long caseId);
        /** A contact address of a site that bounced (seed 002 2a: "verifies that the security contact is still valid"). */
        /** @return false if it was already known invalid */
        boolean markContactInvalid(String site, String address, Instant at, String reason);
        Set<String> invalidContacts(String site);
    }
}
