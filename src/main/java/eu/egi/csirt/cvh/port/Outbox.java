package eu.egi.csirt.cvh.port;

import eu.egi.csirt.cvh.domain.campaign.Channel;
import eu.egi.csirt.cvh.domain.campaign.OutboxEntry;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The delivery side of the outbox: routes take due actions and report back. */
public interface Outbox {

    List<Pending> due(Channel channel, Instant now, int limit);

    void delivered(long id, String externalId, Instant at);

    /** A failed attempt: tried again at {@code retryAt}, or dead (visible to the officer, never dropped). */
    void failed(long id, String error, Instant retryAt, boolean dead);

    Map<String, Integer> countsByChannelAndStatus();

    /** The outside ids (e.g. RT ticket numbers) of delivered actions of this channel and operation in active campaigns. */
    List<String> deliveredExternalIds(Channel channel, String operation);

    /** Delivered (or, for channels without a connector, waiting) actions by channel and kind. */
    Map<String, Integer> countsByChannelAndKind();

    record Pending(long id, int attempts, OutboxEntry entry) {}

    enum Status { PENDING, DELIVERED, NO_CONNECTOR, DEAD }
}
