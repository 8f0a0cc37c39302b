package eu.egi.csirt.cvh.adapter.rt;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A ticket as RT shows it; {@code due} is null when the ticket has none; custom fields by name. */
public record RtTicket(long id, String queueId, String subject, String status, String creator,
                       List<String> requestors, List<String> cc, Instant created, Instant due,
                       Map<String, List<String>> customFields) {}
