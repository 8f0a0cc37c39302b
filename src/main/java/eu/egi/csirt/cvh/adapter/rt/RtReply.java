package eu.egi.csirt.cvh.adapter.rt;

import java.time.Instant;

/** A person's correspondence on a ticket: one RT transaction, with its plain text, subject and original mail headers. */
public record RtReply(long transactionId, long ticketId, String creator, Instant created, String content, String subject,
                      String headers) {

    public RtReply(long transactionId, long ticketId, String creator, Instant created, String content) {
        this(transactionId, ticketId, creator, created, content, "", "");
    }
}
