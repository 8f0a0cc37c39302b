package eu.egi.csirt.cvh.domain.engine;

import eu.egi.csirt.cvh.domain.campaign.ListAddresses;

import java.time.Duration;

/**
 * @param retryInterval        how soon to look again at a step that waits for a mail to be delivered
 * @param suspensionConfirmation IMMEDIATE: a confirmed suspension counts as carried out at once (no GOCDB
 *                             connected; the GOCDB action waits in the outbox); GOCDB: the coordinator is
 *                             asked, and the suspension counts only once GOCDB shows the site Suspended
 * @param coordinatorReminder  how long to wait for the coordinator before reminding (GOCDB mode)
 * @param ticketMailViaRt      RT is connected: ticket messages go as RT correspondence (RT mails the site)
 * @param replies              how site replies are acted on
 */
public record EngineSettings(ListAddresses lists, String csirtName, String csirtEmail, Duration retryInterval,
                             SuspensionConfirmation suspensionConfirmation, Duration coordinatorReminder,
                             boolean ticketMailViaRt, Replies replies) {

    public EngineSettings(ListAddresses lists, String csirtName, String csirtEmail, Duration retryInterval,
                          SuspensionConfirmation suspensionConfirmation, Duration coordinatorReminder, boolean ticketMailViaRt) {
        this(lists, csirtName, csirtEmail, retryInterval, suspensionConfirmation, coordinatorReminder, ticketMailViaRt, Replies.DEFAULTS);
    }

    /**
     * @param minConfidence   below this, a reply changes nothing by itself: the officer decides
     * @param fixRecheck      how often a site's "fixed" is checked against the monitoring until it is confirmed
     * @param mitigationWait  seed 002 3a: "waits for up to a day" after the advisory's own mitigation
     * @param pakitiClientUrl the instructions to run the Pakiti client (EGI_CSIRT:Pakiti_client)
     */
    public record Replies(double minConfidence, Duration fixRecheck, Duration mitigationWait, String pakitiClientUrl) {
        public static final Replies DEFAULTS = new Replies(0.75, Duration.ofHours(4), Duration.ofDays(1),
                "https://wiki.egi.eu/wiki/EGI_CSIRT:Pakiti_client");
    }

    public EngineSettings(ListAddresses lists, String csirtName, String csirtEmail, Duration retryInterval) {
        this(lists, csirtName, csirtEmail, retryInterval, SuspensionConfirmation.IMMEDIATE, Duration.ofHours(4), false);
    }

    public enum SuspensionConfirmation { IMMEDIATE, GOCDB }
}
