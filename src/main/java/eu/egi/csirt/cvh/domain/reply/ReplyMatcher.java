package eu.egi.csirt.cvh.domain.reply;

import eu.egi.csirt.cvh.port.ReplyCases;
import eu.egi.csirt.cvh.port.ReplyCases.CaseRef;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the site case a reply belongs to, in the order of issue 4: the RT ticket (RT's {@code [rtname #id]}
 * subject tag, or the ticket the correspondence was read from, or the runtime's {@code [cvh:KEY]} tag);
 * the Message-IDs it answers; the {@code [CVH campaign site]} reference in the subject; last, the sender,
 * only when that gives exactly one open case.
 */
public final class ReplyMatcher {

    private static final Pattern RT_TAG = Pattern.compile("\\[([^\\[\\]#]+?)\\s+#(\\d{1,12})\\]");
    private static final Pattern CVH_TAG = Pattern.compile("\\[cvh:([^\\]\\s]+)\\]");
    private static final Pattern REFERENCE = Pattern.compile("\\[CVH\\s+([^\\]\\s]+)(?:\\s+([^\\]\\s]+))?\\]");

    /** What a reply offers for matching. */
    public record Facts(String subject, String sender, List<String> answeredMessageIds, Optional<Long> rtTicket) {}

    /** @param method how it matched (or why it did not), for the audit trail and the officer */
    public record Match(Optional<CaseRef> caseRef, String method) {
        static Match none(String why) { return new Match(Optional.empty(), why); }
    }

    private final ReplyCases cases;
    private final java.util.Set<String> rtNames;

    /**
     * @param rtNames the {@code $rtname} of the CSIRT's own RT: only its {@code [rtname #id]} tags are trusted (a site's
     *                helpdesk tags its tickets the same way, with numbers of its own); empty: none
     */
    public ReplyMatcher(ReplyCases cases, java.util.Set<String> rtNames) {
        this.cases = cases;
        this.rtNames = rtNames.stream().map(n -> n.strip().toLowerCase(java.util.Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
    }

    public Match match(Facts facts) {
        String subject = facts.subject() == null ? "" : facts.subject();
        Optional<Long> ticket = facts.rtTicket().or(() -> ourRtTag(subject));
        if (ticket.isPresent()) {
            Optional<CaseRef> byTicket = cases.byRtTicket(ticket.get());
            if (byTicket.isPresent()) return new Match(byTicket, "RT ticket #" + ticket.get());
        }
        Optional<String> key = firstGroup(CVH_TAG, subject);
        if (key.isPresent()) {
            Optional<CaseRef> byKey = cases.byTicketKey(key.get());
            if (byKey.isPresent()) return new Match(byKey, "ticket tag [cvh:" + key.get() + "]");
        }
        Optional<String> campaign = Optional.empty();
        for (String id : facts.answeredMessageIds()) {
            Optional<CaseRef> ref = cases.byMessageId(id);
            if (ref.isPresent() && ref.get().isCase()) return new Match(ref, "answers " + id);
            if (ref.isPresent() && campaign.isEmpty()) campaign = Optional.of(ref.get().campaignId());
        }
        Matcher reference = REFERENCE.matcher(subject);
        if (reference.find()) {
            if (reference.group(2) != null) {
                Optional<CaseRef> ref = cases.byReference(reference.group(1), reference.group(2));
                if (ref.isPresent()) return new Match(ref, "subject reference " + reference.group());
            }
            if (campaign.isEmpty()) campaign = Optional.of(reference.group(1));
        }
        if (facts.sender() != null && !facts.sender().isBlank()) {
            List<CaseRef> open = cases.openCasesWithContact(facts.sender(), campaign);
            if (open.size() == 1) {
                return new Match(Optional.of(open.get(0)), "sender " + facts.sender() + " is a contact of the only open case"
                        + campaign.map(c -> " of " + c).orElse(""));
            }
            if (open.size() > 1) {
                return Match.none("sender " + facts.sender() + " is a contact of " + open.size() + " open cases: ambiguous");
            }
        }
        return Match.none("no ticket, message, reference or contact matches");
    }

    private Optional<Long> ourRtTag(String subject) {
        Matcher m = RT_TAG.matcher(subject);
        while (m.find()) {
            if (rtNames.contains(m.group(1).strip().toLowerCase(java.util.Locale.ROOT))) return Optional.of(Long.parseLong(m.group(2)));
        }
        return Optional.empty();
    }

    private static Optional<String> firstGroup(Pattern p, String s) {
        Matcher m = p.matcher(s);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
