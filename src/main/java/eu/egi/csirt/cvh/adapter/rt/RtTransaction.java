package eu.egi.csirt.cvh.adapter.rt;

import java.time.Instant;

/** One entry of a ticket's history (Create, Correspond, Comment, Status, Set, ...). */
public record RtTransaction(long id, long ticketId, String type, String creator, Instant created) {}
