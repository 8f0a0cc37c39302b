package eu.egi.csirt.cvh.domain.engine;

import eu.egi.csirt.cvh.domain.reply.Classification;
import eu.egi.csirt.cvh.port.ReplyCases.CaseRef;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A stored reply, read, understood and matched, ready to act on.
 *
 * @param id               the stored reply's id: it is processed once
 * @param sentAt           when the site wrote it (the claimed time of a fix); the arrival time when unknown
 * @param newText          the reply's own words, without quoted mail
 * @param matchMethod      how the case was found, or why not
 * @param bouncedAddresses for a delivery failure: the addresses that failed
 * @param requestedDate    a date the reply names (for "needs time")
 * @param forgedSender     why the receiving mail server doubts the From address (DMARC/SPF failed), if it does
 */
public record InboundReply(long id, String source, String sender, String subject, Instant sentAt, String newText,
                           Classification classification, Optional<CaseRef> match, String matchMethod,
                           List<String> bouncedAddresses, Optional<LocalDate> requestedDate, Optional<String> forgedSender) {

    public InboundReply(long id, String source, String sender, String subject, Instant sentAt, String newText,
                        Classification classification, Optional<CaseRef> match, String matchMethod,
                        List<String> bouncedAddresses, Optional<LocalDate> requestedDate) {
        this(id, source, sender, subject, sentAt, newText, classification, match, matchMethod, bouncedAddresses, requestedDate,
                Optional.empty());
    }

    /** What became of a reply. */
    public enum Status {
        /** its effect was applied */
        PROCESSED,
        /** kept for the officer: not understood well enough, or from someone who may not change the case */
        HELD,
        /** no case found: in the officer's unmatched queue */
        UNMATCHED,
        /** automatic answer: logged, never answered, never counted */
        IGNORED,
        /** the officer set it aside (spam, a duplicate, nothing to do) */
        DISMISSED
    }

    /** @param heldReason why the officer must look at it (HELD, UNMATCHED), else null */
    public record Outcome(Status status, CaseRef caseRef, String outcome, String heldReason) {}
}
