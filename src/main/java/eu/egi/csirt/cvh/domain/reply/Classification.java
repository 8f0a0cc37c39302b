package eu.egi.csirt.cvh.domain.reply;

import eu.egi.csirt.cvh.domain.engine.ReplyIntent;

/**
 * @param evidence   the phrase (or header) that decided it
 * @param confidence 0..1; below the configured threshold a reply never closes a ticket or stops a suspension
 */
public record Classification(ReplyIntent intent, double confidence, String evidence) {}
