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
 */
public record EngineSettings(ListAddresses lists, String csirtName, String csirtEmail, Duration retryInterval,
                             SuspensionConfirmation suspensionConfirmation, Duration coordinatorReminder,
                             boolean ticketMailViaRt) {

    public EngineSettings(ListAddresses lists, String csirtName, String csirtEmail, Duration retryInterval) {
        this(lists, csirtName, csirtEmail, retryInterval, SuspensionConfirmation.IMMEDIATE, Duration.ofHours(4), false);
    }

    public enum SuspensionConfirmation { IMMEDIATE, GOCDB }
}
