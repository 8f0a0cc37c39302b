package eu.egi.csirt.cvh.domain.engine;

import eu.egi.csirt.cvh.domain.campaign.ListAddresses;

import java.time.Duration;

/**
 * @param retryInterval how soon to look again at a step that waits for a mail to be delivered
 */
public record EngineSettings(ListAddresses lists, String csirtName, String csirtEmail, Duration retryInterval) {}
