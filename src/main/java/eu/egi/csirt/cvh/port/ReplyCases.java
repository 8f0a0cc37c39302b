package eu.egi.csirt.cvh.port;

import java.util.List;
import java.util.Optional;

/** What a reply can be matched on: the runtime's own tickets, mails and references. */
public interface ReplyCases {

    /** A site case, or (caseId null) only a campaign, e.g. a reply to an advisory sent to the lists. */
    record CaseRef(String campaignId, Long caseId, String site) {
        public boolean isCase() { return caseId != null; }
    }

    /** The case whose RT ticket has this number. */
    Optional<CaseRef> byRtTicket(long ticketNumber);

    /** The case whose stable ticket key (the {@code [cvh:KEY]} subject tag) this is. */
    Optional<CaseRef> byTicketKey(String key);

    /** The case (or campaign) of a Message-ID the runtime sent, or of a case's thread id. */
    Optional<CaseRef> byMessageId(String messageId);

    /** The latest case of this site in this campaign ({@code [CVH campaign site]}). */
    Optional<CaseRef> byReference(String campaignId, String site);

    /** Open cases (of one campaign, or of all) whose site lists this address as a contact or was written to at it. */
    List<CaseRef> openCasesWithContact(String address, Optional<String> campaignId);
}
