package eu.egi.csirt.cvh.adapter.camel;

import eu.egi.csirt.cvh.adapter.mail.InboundMailStore;
import eu.egi.csirt.cvh.adapter.rt.RtReply;
import eu.egi.csirt.cvh.adapter.rt.RtSource;
import eu.egi.csirt.cvh.domain.campaign.Channel;
import eu.egi.csirt.cvh.port.Outbox;

import java.util.List;

/**
 * Replies that arrive as RT correspondence on the campaigns' tickets are stored once each (keyed on
 * the RT transaction id), beside the IMAP mails, for inbound reply processing.
 */
public final class RtReplyIntake {

    private static final String PREFIX = "rt-transaction:";

    private final java.util.Optional<RtSource> rt;
    private final Outbox outbox;
    private final InboundMailStore inbound;

    /** @param rt empty when RT is not connected: then there is nothing to poll */
    public RtReplyIntake(java.util.Optional<RtSource> rt, Outbox outbox, InboundMailStore inbound) {
        this.rt = rt;
        this.outbox = outbox;
        this.inbound = inbound;
    }

    /** Returns how many new replies were stored. */
    public int poll() {
        if (rt.isEmpty()) return 0;
        List<Long> tickets = outbox.deliveredExternalIds(Channel.RT, "create").stream().map(Long::parseLong).toList();
        if (tickets.isEmpty()) return 0;
        long after = inbound.lastKey(PREFIX).map(k -> Long.parseLong(k.substring(PREFIX.length()))).orElse(0L);
        int stored = 0;
        for (RtReply reply : rt.get().repliesSince(tickets, after)) {
            if (inbound.storeReply(PREFIX + String.format("%015d", reply.transactionId()), "rt:ticket/" + reply.ticketId(),
                    reply.creator(), "RT #" + reply.ticketId(), reply.content())) {
                stored++;
            }
        }
        return stored;
    }
}
