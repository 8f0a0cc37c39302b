package eu.egi.csirt.cvh.adapter.reply;

import eu.egi.csirt.cvh.adapter.mail.InboundMailStore;
import eu.egi.csirt.cvh.adapter.mail.ReplyReader;
import eu.egi.csirt.cvh.domain.engine.InboundReply;
import eu.egi.csirt.cvh.domain.engine.ProcedureEngine;
import eu.egi.csirt.cvh.domain.engine.ReplyIntent;
import eu.egi.csirt.cvh.domain.reply.Classification;
import eu.egi.csirt.cvh.port.ReplyCases;
import eu.egi.csirt.cvh.domain.reply.NewText;
import eu.egi.csirt.cvh.domain.reply.Reply;
import eu.egi.csirt.cvh.domain.reply.ReplyClassifier;
import eu.egi.csirt.cvh.domain.reply.ReplyMatcher;
import eu.egi.csirt.cvh.domain.reply.RequestedDate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Processes the stored replies (IMAP mails and RT correspondence) oldest first: reads each (Jakarta
 * Mail), understands it (the classifier), finds its case (the matcher) and hands it to the engine,
 * which applies the effect and records the reply in one transaction. A mail that cannot be read is
 * kept as MALFORMED with the error, and the next ones flow on.
 */
public final class ReplyProcessor {

    private static final System.Logger LOG = System.getLogger(ReplyProcessor.class.getName());
    private static final String RT_SOURCE = "rt:ticket/";
    private static final java.util.regex.Pattern MAIL_HEADER = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9-]*: ");

    private final InboundMailStore inbound;
    private final Supplier<ReplyClassifier> classifier;
    private final ReplyMatcher matcher;
    private final ReplyCases cases;
    private final java.util.Set<String> rtNames;
    private final ProcedureEngine engine;
    private final Clock clock;
    private final ZoneId zone;

    /** @param classifier the current one (the phrase file may be re-read) */
    public ReplyProcessor(InboundMailStore inbound, Supplier<ReplyClassifier> classifier, ReplyCases cases,
                          ProcedureEngine engine, Clock clock, ZoneId zone) {
        this(inbound, classifier, cases, java.util.Set.of(), engine, clock, zone);
    }

    /** @param rtNames the CSIRT RT's {@code $rtname}(s): replies tagged {@code [rtname #id]} by it are matched to their ticket */
    public ReplyProcessor(InboundMailStore inbound, Supplier<ReplyClassifier> classifier, ReplyCases cases, java.util.Set<String> rtNames,
                          ProcedureEngine engine, Clock clock, ZoneId zone) {
        this.inbound = inbound;
        this.classifier = classifier;
        this.cases = cases;
        this.matcher = new ReplyMatcher(cases, rtNames);
        this.rtNames = rtNames.stream().map(n -> n.strip().toLowerCase(java.util.Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
        this.engine = engine;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * Processes what is waiting, oldest first; returns the count per outcome (PROCESSED, HELD, UNMATCHED,
     * IGNORED, MALFORMED, FAILED, RETRY). Only an unreadable mail is MALFORMED at once; a failure in
     * matching or acting (a database hiccup) leaves the reply NEW and ends the batch, and after
     * {@value #MAX_ATTEMPTS} attempts the reply is parked as FAILED for the officer.
     */
    public Map<String, Integer> processPending() {
        Map<String, Integer> counts = new TreeMap<>();
        for (long id : inbound.pendingIds(200)) {
            Optional<InboundMailStore.Stored> stored = inbound.stored(id);
            if (stored.isEmpty()) continue;
            Optional<Long> original = inbound.earlierCopy(id, stored.get().messageId());
            if (original.isPresent()) {
                inbound.markDuplicate(id, original.get());
                counts.merge("IGNORED", 1, Integer::sum);
                continue;
            }
            String outcome = process(stored.get().reply());
            counts.merge(outcome, 1, Integer::sum);
            if (outcome.equals("RETRY")) break;
        }
        return counts;
    }

    static final int MAX_ATTEMPTS = 3;
    /** What the officer's queue holds: not placed, not trusted, not readable, or failing. */
    static final java.util.Set<String> WAITING_FOR_OFFICER = java.util.Set.of("HELD", "UNMATCHED", "MALFORMED", "FAILED");

    private String process(InboundMailStore.Pending p) {
        Parsed parsed;
        try {
            parsed = parse(p);
        } catch (Exception | StackOverflowError e) {
            String error = "cannot read the mail: " + e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.log(System.Logger.Level.ERROR, "reply " + p.id() + " (" + p.source() + ") is MALFORMED: " + error);
            inbound.markUnprocessable(p.id(), "MALFORMED", error);
            return "MALFORMED";
        }
        InboundReply reply = null;
        try {
            reply = understand(p, parsed);
            InboundReply.Outcome o = engine.handleReply(reply);
            LOG.log(o.status() == InboundReply.Status.PROCESSED || o.status() == InboundReply.Status.IGNORED
                            ? System.Logger.Level.INFO : System.Logger.Level.WARNING,
                    "reply " + p.id() + " from " + reply.sender() + ": " + reply.classification().intent() + " -> " + o.status()
                            + (o.caseRef() == null ? "" : " " + o.caseRef().campaignId() + "/" + o.caseRef().site())
                            + ": " + o.outcome() + (o.heldReason() == null ? "" : " [" + o.heldReason() + "]"));
            return o.status().name();
        } catch (RuntimeException e) {
            // nothing of its effect committed: tried again at the next poll, parked for the officer after a few attempts
            String error = "processing failed: " + e.getClass().getSimpleName() + ": " + e.getMessage();
            int attempts = inbound.recordFailedAttempt(p.id(), error);
            if (attempts >= MAX_ATTEMPTS) {
                LOG.log(System.Logger.Level.ERROR, "reply " + p.id() + " FAILED " + attempts + " times, parked for the officer", e);
                inbound.markUnprocessable(p.id(), "FAILED", error + " (after " + attempts + " attempts)");
                return "FAILED";
            }
            LOG.log(System.Logger.Level.WARNING, "reply " + p.id() + " could not be processed (attempt " + attempts + "), tried again later: "
                    + error);
            return "RETRY";
        }
    }

    /**
     * The officer settles a held or unmatched reply: from this site of this campaign, meaning this.
     *
     * @throws IllegalArgumentException when the reply, the case or the intent is not one that can be settled
     */
    public InboundReply.Outcome settle(long id, String campaignId, String site, ReplyIntent intent, String officer) {
        if (!intent.isResponse() && intent != ReplyIntent.BOUNCE) {
            throw new IllegalArgumentException("a reply is settled as acknowledged, fixed, mitigated, not-vulnerable, needs-help, needs-time"
                    + " or bounce; set other and automatic answers aside instead");
        }
        InboundMailStore.Stored stored = waiting(id);
        var ref = cases.byReference(campaignId, site)
                .orElseThrow(() -> new IllegalArgumentException("site '" + site + "' is not part of campaign '" + campaignId + "'"));
        InboundReply read = readOrEmpty(stored.reply());
        InboundReply settled = new InboundReply(read.id(), read.source(), read.sender(), read.subject(), read.sentAt(), read.newText(),
                new Classification(intent, 1.0, "settled by " + officer + " (classifier: " + read.classification().intent()
                        + ", " + read.classification().confidence() + ")"),
                Optional.of(ref), "assigned by " + officer, read.bouncedAddresses(), read.requestedDate());
        return engine.settleHeldReply(settled, officer);
    }

    /** The officer sets a held or unmatched reply aside, with a reason. */
    public InboundReply.Outcome dismiss(long id, String reason, String officer) {
        InboundMailStore.Stored stored = waiting(id);
        InboundReply read = readOrEmpty(stored.reply());
        Optional<ReplyCases.CaseRef> ref = stored.caseId() == null ? Optional.empty()
                : Optional.of(new ReplyCases.CaseRef(stored.campaignId(), stored.caseId(), stored.site()));
        return engine.dismissHeldReply(new InboundReply(read.id(), read.source(), read.sender(), read.subject(), read.sentAt(),
                read.newText(), read.classification(), ref, read.matchMethod(), read.bouncedAddresses(), read.requestedDate()),
                reason, officer);
    }

    private InboundMailStore.Stored waiting(long id) {
        InboundMailStore.Stored stored = inbound.stored(id).orElseThrow(() -> new IllegalArgumentException("no reply " + id));
        if (!WAITING_FOR_OFFICER.contains(stored.status())) {
            throw new IllegalArgumentException("reply " + id + " is " + stored.status() + ", not waiting for the officer");
        }
        return stored;
    }

    /** A held reply was readable when it was held; if it no longer is, the officer still decides on its record. */
    private InboundReply readOrEmpty(InboundMailStore.Pending p) {
        try {
            return read(p);
        } catch (Exception e) {
            return new InboundReply(p.id(), p.source(), p.sender(), p.subject(), p.receivedAt(), "",
                    new Classification(ReplyIntent.OTHER, 0, "unreadable: " + e.getMessage()), Optional.empty(), "unreadable",
                    List.of(), Optional.empty());
        }
    }

    /** A mail as read from its bytes (or RT's text), before it is understood and matched. */
    private record Parsed(Reply reply, Optional<java.time.Instant> sentAt, List<String> answered, List<String> bounced,
                          Optional<Long> rtTicket) {}

    private Parsed parse(InboundMailStore.Pending p) throws Exception {
        if (p.source() != null && p.source().startsWith(RT_SOURCE)) {
            Optional<Long> ticket = Optional.of(Long.parseLong(p.source().substring(RT_SOURCE.length())));
            if (MAIL_HEADER.matcher(new String(p.raw(), 0, Math.min(p.raw().length, 200), StandardCharsets.UTF_8)).lookingAt()) {
                // RT correspondence kept as a plain-text mail with the original's headers (RtReplyIntake)
                ReplyReader.ReadMail mail = ReplyReader.readMail(p.raw());
                return new Parsed(mail.reply(), mail.sentAt().or(() -> Optional.ofNullable(p.receivedAt())), mail.answered(),
                        mail.bouncedAddresses(), ticket);
            }
            Reply reply = new Reply(Map.of("from", p.sender() == null ? "" : p.sender()), p.subject() == null ? "" : p.subject(),
                    new String(p.raw(), StandardCharsets.UTF_8), false);
            return new Parsed(reply, Optional.ofNullable(p.receivedAt()), List.of(), List.of(),
                    Optional.of(Long.parseLong(p.source().substring(RT_SOURCE.length()))));
        }
        ReplyReader.ReadMail mail = ReplyReader.readMail(p.raw());
        return new Parsed(mail.reply(), mail.sentAt(), mail.answered(), mail.bouncedAddresses(), Optional.empty());
    }

    private InboundReply understand(InboundMailStore.Pending p, Parsed m) {
        String rtLoop = m.reply().header("x-rt-loop-prevention").strip().toLowerCase(java.util.Locale.ROOT);
        Classification k = m.rtTicket().isEmpty() && !rtLoop.isEmpty() && rtNames.contains(rtLoop)
                // our RT's copy of a ticket's correspondence (e.g. to a Cc watcher): the reply itself is read from RT, once
                ? new Classification(ReplyIntent.AUTO_REPLY, 0.99, "X-RT-Loop-Prevention: " + rtLoop + " (read from RT itself)")
                : classifier.get().classify(m.reply());
        String text = NewText.of(m.reply().body());
        ReplyMatcher.Match match = matcher.match(new ReplyMatcher.Facts(m.reply().subject(), p.sender(), m.answered(), m.rtTicket()));
        return new InboundReply(p.id(), p.source(), p.sender(), m.reply().subject(), m.sentAt().orElse(p.receivedAt()), text, k,
                match.caseRef(), match.method(), m.bounced(), RequestedDate.in(text, LocalDate.now(clock.withZone(zone))),
                forged(m.reply().header("authentication-results")));
    }

    /**
     * What our mail server's Authentication-Results (RFC 8601) says against the From address: DMARC failed,
     * or SPF failed with no passing DKIM signature. Empty when it passed or says nothing.
     */
    static Optional<String> forged(String results) {
        String r = results == null ? "" : results.toLowerCase(java.util.Locale.ROOT);
        if (r.contains("dmarc=fail")) return Optional.of("Authentication-Results: dmarc=fail");
        if (r.contains("spf=fail") && !r.contains("dkim=pass")) return Optional.of("Authentication-Results: spf=fail, no passing DKIM");
        return Optional.empty();
    }

    private InboundReply read(InboundMailStore.Pending p) throws Exception {
        return understand(p, parse(p));
    }
}
