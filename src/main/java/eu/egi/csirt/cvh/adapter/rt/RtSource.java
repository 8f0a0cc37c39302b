package eu.egi.csirt.cvh.adapter.rt;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What RT tells cvh: tickets that people open in the queue (SDIS step 1: the incident response
 * team opens a ticket with a 3-day due date) and replies on watched tickets. Both take a cursor
 * (the highest ticket / transaction id already handled), so the caller sees each item once.
 * "A person" is anyone but the connector's own RT user.
 */
public final class RtSource {

    private final RtClient rt;
    private final String queue;
    private final String automationUser;

    /** @param automationUser the RT user name cvh acts as; its own tickets and texts are not reported */
    public RtSource(RtClient rt, String queue, String automationUser) {
        this.rt = rt;
        this.queue = queue;
        this.automationUser = automationUser;
    }

    /** Tickets in the queue opened by someone other than cvh, with an id above {@code afterTicketId}, oldest first. */
    public List<RtTicket> ticketsOpenedByPeople(long afterTicketId) {
        return rt.search("Queue = " + RtClient.quote(queue) + " AND Creator != " + RtClient.quote(automationUser)
                + " AND id > " + afterTicketId);
    }

    /**
     * Correspondence by people on the given tickets in transactions above {@code afterTransactionId},
     * in transaction order (RT's transaction ids grow across all tickets, so one cursor serves all).
     */
    public List<RtReply> repliesSince(Collection<Long> ticketIds, long afterTransactionId) {
        List<RtReply> replies = new ArrayList<>();
        for (long ticketId : ticketIds) {
            List<RtTransaction> fresh = rt.history(ticketId).stream()
                    .filter(t -> t.id() > afterTransactionId && "Correspond".equals(t.type())
                            && !automationUser.equalsIgnoreCase(t.creator()))
                    .toList();
            if (fresh.isEmpty()) {
                continue;
            }
            List<RtAttachment> attachments = rt.attachments(ticketId);
            Map<Long, String> textByTransaction = plainTexts(attachments);
            Map<Long, RtAttachment> topByTransaction = attachments.stream()
                    .collect(Collectors.toMap(RtAttachment::transactionId, a -> a, (first, later) -> first));
            for (RtTransaction t : fresh) {
                RtAttachment top = topByTransaction.get(t.id());
                replies.add(new RtReply(t.id(), ticketId, t.creator(), t.created(), textByTransaction.getOrDefault(t.id(), ""),
                        top == null ? "" : top.subject(), top == null ? "" : top.headers()));
            }
        }
        replies.sort(Comparator.comparingLong(RtReply::transactionId));
        return replies;
    }

    /** A mail may have several parts (multipart container, text, HTML): keep the text parts. */
    private static Map<Long, String> plainTexts(List<RtAttachment> attachments) {
        return attachments.stream()
                .filter(a -> a.contentType().toLowerCase(Locale.ROOT).startsWith("text/plain"))
                .collect(Collectors.groupingBy(RtAttachment::transactionId,
                        Collectors.mapping(RtAttachment::content, Collectors.joining("\n"))));
    }
}
