package eu.egi.csirt.cvh.domain.campaign;

import eu.egi.csirt.cvh.domain.procedure.NotificationKind;

import java.time.Instant;

/** A mail a site received (or is to receive) that counts towards SEC03 5.4. */
public record Notification(String kind, NotificationKind notification, boolean individual,
                           Instant createdAt, Instant deliveredAt, String subject) {
    public boolean delivered() { return deliveredAt != null; }
}
