package eu.egi.csirt.cvh.adapter.camel;

import eu.egi.csirt.cvh.adapter.mail.OutboxMail;
import eu.egi.csirt.cvh.domain.campaign.RetryPolicy;
import eu.egi.csirt.cvh.port.ActionConnector;
import eu.egi.csirt.cvh.port.Outbox;

import java.time.Clock;
import java.util.List;

/** Delivers the due RT, GOCDB and wiki actions to their connectors, with the same backoff as mail. */
public final class ConnectorDelivery {

    private final Outbox outbox;
    private final List<ActionConnector> connectors;
    private final RetryPolicy retry;
    private final Clock clock;

    public ConnectorDelivery(Outbox outbox, List<ActionConnector> connectors, RetryPolicy retry, Clock clock) {
        this.outbox = outbox;
        this.connectors = List.copyOf(connectors);
        this.retry = retry;
        this.clock = clock;
    }

    /** Returns how many actions were delivered. Actions of one channel go in order; a failure does not stop the others. */
    public int deliverDue() {
        int delivered = 0;
        for (ActionConnector connector : connectors) {
            for (Outbox.Pending p : outbox.due(connector.channel(), clock.instant(), 200)) {
                try {
                    outbox.delivered(p.id(), connector.deliver(p.entry()), clock.instant());
                    delivered++;
                } catch (Exception e) {
                    OutboxMail.failed(outbox, retry, clock, p, e);
                }
            }
        }
        return delivered;
    }
}
