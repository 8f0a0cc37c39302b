package eu.egi.csirt.cvh.port;

import eu.egi.csirt.cvh.domain.campaign.Channel;
import eu.egi.csirt.cvh.domain.campaign.OutboxEntry;

/**
 * Carries out outbox actions of one channel (RT, GOCDB, WIKI) on an outside system. Must be
 * idempotent on {@link OutboxEntry#key()}: a retry after a crash must not act twice (look the effect
 * up before acting).
 */
public interface ActionConnector {

    Channel channel();

    /** Carries out one action; returns the outside system's id for it (ticket number, page revision...). */
    String deliver(OutboxEntry entry) throws Exception;
}
