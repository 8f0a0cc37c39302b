package eu.egi.csirt.cvh.domain.campaign;

import eu.egi.csirt.cvh.domain.procedure.NotificationKind;

import java.time.Instant;
import java.util.List;

/**
 * One action the engine decided, written in the same transaction as the state change and
 * delivered later by a route. {@code key} is stable: writing it twice keeps one.
 *
 * @param kind       what it is (advisory, ticket, reminder, final-warning, omb-summary, suspension, ...)
 * @param operation  for RT: create, correspond, comment, resolve, set-due; GOCDB: suspend; wiki: append; mail: send
 * @param reference  the subject reference (mail) or the case's stable ticket key (RT) that ties replies to the case
 * @param due        for RT create and set-due: the ticket's due date (the site's deadline); else null
 */
public record OutboxEntry(String key, String campaignId, Long caseId, String site, Channel channel, String kind,
                          String operation, NotificationKind notification, List<String> to, List<String> cc,
                          String subject, String body, String reference, Instant due, Instant createdAt) {

    public OutboxEntry withRecipients(List<String> newTo, List<String> newCc) {
        return new OutboxEntry(key, campaignId, caseId, site, channel, kind, operation, notification, newTo, newCc, subject, body,
                reference, due, createdAt);
    }
}
