package eu.egi.csirt.cvh.adapter.rt;

/**
 * A part of a ticket's message: the text of a create, correspondence or comment transaction.
 *
 * @param headers the part's mail headers as RT keeps them (for a mail, the original's: Auto-Submitted, Date...)
 */
public record RtAttachment(long id, long transactionId, String contentType, String content, String subject, String headers) {

    public RtAttachment(long id, long transactionId, String contentType, String content) {
        this(id, transactionId, contentType, content, "", "");
    }
}
