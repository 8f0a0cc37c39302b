package eu.egi.csirt.cvh.adapter.rt;

import eu.egi.csirt.cvh.domain.campaign.Channel;
import eu.egi.csirt.cvh.domain.campaign.OutboxEntry;
import eu.egi.csirt.cvh.port.ActionConnector;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Carries out the engine's RT actions (create, correspond, comment, resolve, set-due) in one queue.
 *
 * <p>How a case finds its ticket: the case's stable ticket key ({@link OutboxEntry#reference()},
 * e.g. {@code EGI-SVG-2026-31337/ALPHA-LCG2}) is written into the ticket's subject as
 * {@code [cvh:KEY]}, and a TicketSQL search on the subject (in any queue, so a ticket moved by a
 * person is still found) finds it again. The id is cached in memory; a miss searches again.
 *
 * <p>Idempotency on {@link OutboxEntry#key()}:
 * <ul>
 *   <li>create: never opens a second ticket for a key: it searches first and creates only when there
 *       is none (one runtime per database, so there is no concurrent creator);</li>
 *   <li>correspond, comment, resolve: every text ends with a line {@code cvh-action: <entry key>};
 *       before posting, the ticket's texts are read and nothing is posted when the line is there.
 *       A retry after a crash, a timeout or a lost answer therefore never posts twice;</li>
 *   <li>set-due: setting the same date twice is harmless.</li>
 * </ul>
 */
public final class RtConnector implements ActionConnector {

    static final String ACTION_MARKER = "cvh-action: ";

    private final RtClient rt;
    private final String queue;
    private final String siteCustomField;
    private final Map<String, Long> ticketIdByKey = new ConcurrentHashMap<>();

    /**
     * @param queue           where tickets are created, e.g. "Vulnerability Handling"
     * @param siteCustomField name of a ticket custom field that gets the site name, or null for none
     */
    public RtConnector(RtClient rt, String queue, String siteCustomField) {
        this.rt = rt;
        this.queue = queue;
        this.siteCustomField = siteCustomField == null || siteCustomField.isBlank() ? null : siteCustomField;
    }

    @Override
    public Channel channel() {
        return Channel.RT;
    }

    /** Returns the RT ticket id. */
    @Override
    public String deliver(OutboxEntry entry) {
        String ticketKey = entry.reference();
        if (ticketKey == null || ticketKey.isBlank()) {
            throw new IllegalArgumentException("RT action " + entry.key() + " has no ticket key (reference)");
        }
        long id = switch (entry.operation()) {
            case "create" -> create(entry, ticketKey);
            case "correspond" -> post(entry, ticketKey, (ticket, text) -> rt.correspond(ticket, withRecipients(ticket, entry, text), null));
            case "comment" -> post(entry, ticketKey, rt::comment);
            case "resolve" -> post(entry, ticketKey, (ticket, text) -> rt.correspond(ticket, withRecipients(ticket, entry, text), "resolved"));
            case "set-due" -> setDue(entry, ticketKey);
            default -> throw new IllegalArgumentException("RT action " + entry.key() + ": unknown operation '"
                    + entry.operation() + "'; known: create, correspond, comment, resolve, set-due");
        };
        return Long.toString(id);
    }

    /** The ticket of a case, if there is one (cached, else searched by the subject tag). */
    public Optional<Long> findTicket(String ticketKey) {
        Long cached = ticketIdByKey.get(ticketKey);
        if (cached != null) {
            return Optional.of(cached);
        }
        String tag = subjectTag(ticketKey);
        // LIKE is a substring match; the closing bracket keeps ".../ALPHA" from matching ".../ALPHA/2"
        Optional<Long> found = rt.search("Subject LIKE " + RtClient.quote(tag)).stream()
                .filter(t -> t.subject().contains(tag)).map(RtTicket::id).findFirst();
        found.ifPresent(id -> ticketIdByKey.put(ticketKey, id));
        return found;
    }

    /** How a case's stable ticket key appears in its ticket's subject (also used to adopt a person's ticket). */
    public static String subjectTag(String ticketKey) {
        return "[cvh:" + ticketKey + "]";
    }

    private long create(OutboxEntry entry, String ticketKey) {
        Optional<Long> existing = findTicket(ticketKey);
        if (existing.isPresent()) {
            return existing.get();
        }
        Map<String, String> customFields = new LinkedHashMap<>();
        if (siteCustomField != null && entry.site() != null) {
            customFields.put(siteCustomField, entry.site());
        }
        long id = rt.createTicket(new NewTicket(queue, subjectTag(ticketKey) + " " + entry.subject(),
                entry.to(), entry.cc(), entry.due(), withMarker(entry), customFields));
        ticketIdByKey.put(ticketKey, id);
        return id;
    }

    private long post(OutboxEntry entry, String ticketKey, Poster poster) {
        long id = existingTicket(entry, ticketKey);
        if (!alreadyPosted(id, entry.key())) {
            poster.post(id, withMarker(entry));
        }
        return id;
    }

    /**
     * RT mails correspondence to the ticket's requestors and Cc only: an address the engine adds later
     * (the operational contacts of SDIS 2a, or after a bounce) becomes a Cc watcher first.
     */
    private String withRecipients(long ticketId, OutboxEntry entry, String text) {
        if (entry.to().isEmpty() && entry.cc().isEmpty()) return text;
        RtTicket ticket = rt.ticket(ticketId);
        java.util.Set<String> known = new java.util.HashSet<>();
        ticket.requestors().forEach(a -> known.add(a.toLowerCase(java.util.Locale.ROOT)));
        ticket.cc().forEach(a -> known.add(a.toLowerCase(java.util.Locale.ROOT)));
        List<String> missing = java.util.stream.Stream.concat(entry.to().stream(), entry.cc().stream())
                .filter(a -> !known.contains(a.toLowerCase(java.util.Locale.ROOT))).distinct().toList();
        if (!missing.isEmpty()) {
            List<String> cc = new java.util.ArrayList<>(ticket.cc());
            cc.addAll(missing);
            rt.setCc(ticketId, cc);
        }
        return text;
    }

    private long setDue(OutboxEntry entry, String ticketKey) {
        if (entry.due() == null) {
            throw new IllegalArgumentException("RT set-due " + entry.key() + " has no due date");
        }
        long id = existingTicket(entry, ticketKey);
        rt.setDue(id, entry.due());
        return id;
    }

    private long existingTicket(OutboxEntry entry, String ticketKey) {
        // the create has not been delivered yet: failing lets the outbox retry this one later
        return findTicket(ticketKey).orElseThrow(() -> new RtException(404, "RT action " + entry.key()
                + ": no ticket " + subjectTag(ticketKey) + " in RT yet (its create has not been delivered)"));
    }

    private boolean alreadyPosted(long ticketId, String entryKey) {
        String line = ACTION_MARKER + entryKey;
        List<RtAttachment> texts = rt.attachments(ticketId);
        return texts.stream().anyMatch(a -> a.content().lines().anyMatch(l -> l.strip().equals(line)));
    }

    private static String withMarker(OutboxEntry entry) {
        String body = entry.body() == null ? "" : entry.body().stripTrailing();
        return body + "\n\n-- \n" + ACTION_MARKER + entry.key() + "\n";
    }

    @FunctionalInterface
    private interface Poster {
        void post(long ticketId, String text);
    }
}
