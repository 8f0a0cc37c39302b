package eu.egi.csirt.cvh.domain.engine;

import eu.egi.csirt.cvh.domain.campaign.AuditEntry;
import eu.egi.csirt.cvh.domain.campaign.Campaign;
import eu.egi.csirt.cvh.domain.campaign.CaseStatus;
import eu.egi.csirt.cvh.domain.campaign.OutboxEntry;
import eu.egi.csirt.cvh.domain.campaign.SiteCase;
import eu.egi.csirt.cvh.domain.campaign.SiteContacts;
import eu.egi.csirt.cvh.domain.campaign.Vulnerability;
import eu.egi.csirt.cvh.domain.engine.InboundReply.Outcome;
import eu.egi.csirt.cvh.domain.engine.InboundReply.Status;
import eu.egi.csirt.cvh.domain.procedure.NotificationKind;
import eu.egi.csirt.cvh.domain.procedure.ProcedureDefinition;
import eu.egi.csirt.cvh.domain.procedure.Role;
import eu.egi.csirt.cvh.domain.reply.ReplyClassifier;
import eu.egi.csirt.cvh.port.CampaignStore.Tx;
import eu.egi.csirt.cvh.port.ReplyCases.CaseRef;
import eu.egi.csirt.cvh.port.VulnerabilityStatus;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a site's reply causes (seed 002 steps 2-3, SEC03 5.3 and 7.2), inside the engine's transaction.
 * Only a registered contact of the site or its NGI, or someone the case was written to, may change a
 * case; a reply not understood well enough changes nothing by itself. Whatever needs a person is put
 * to the officer: the case then shows a pending decision.
 */
final class ReplyHandler {

    static final String ACTOR_PREFIX = "reply:";

    private final ProcedureEngine engine;
    private final Messages messages;
    private final VulnerabilityStatus status;
    private final EngineSettings.Replies settings;
    /** The CSIRT's own lists and addresses: never a site's contact, never a sender who may change a case. */
    private final Set<String> ownAddresses = new HashSet<>();

    ReplyHandler(ProcedureEngine engine, Messages messages, VulnerabilityStatus status, EngineSettings settings) {
        this.engine = engine;
        this.messages = messages;
        this.status = status;
        this.settings = settings.replies();
        var l = settings.lists();
        Stream.of(l.siteSecurityList(), l.ngiSecurityList(), l.omb(), l.coo(), l.csirt(), l.coordinator(), l.irtf(), settings.csirtEmail())
                .filter(a -> a != null && !a.isBlank()).map(a -> a.strip().toLowerCase(Locale.ROOT)).forEach(ownAddresses::add);
    }

    Outcome handle(Tx tx, InboundReply r, Instant now, TickReport report) {
        return handle(tx, r, null, now, report);
    }

    /** A reply whose case and meaning the officer confirmed: no sender check, no confidence threshold. */
    Outcome handleConfirmed(Tx tx, InboundReply r, String officer, Instant now, TickReport report) {
        return handle(tx, r, officer, now, report);
    }

    private Outcome handle(Tx tx, InboundReply r, String officer, Instant now, TickReport report) {
        if (r.match().isEmpty() || !r.match().get().isCase()) {
            return new Outcome(Status.UNMATCHED, r.match().orElse(null), "no case found", r.matchMethod());
        }
        CaseRef ref = r.match().get();
        SiteCase c = tx.caseForUpdate(ref.caseId()).orElse(null);
        Campaign campaign = tx.campaign(ref.campaignId()).orElse(null);
        if (c == null || campaign == null) return new Outcome(Status.UNMATCHED, null, "case " + ref.caseId() + " not found", r.matchMethod());
        if (c.isClosed()) {
            // a reply to an earlier round while the site's re-introduced case is open belongs to the open one
            SiteCase latest = tx.latestCase(c.campaignId(), c.site()).orElse(c);
            if (latest.id() != c.id() && !latest.isClosed()) {
                c = tx.caseForUpdate(latest.id()).orElse(c);
                ref = new CaseRef(ref.campaignId(), c.id(), c.site());
            }
        }
        ProcedureDefinition procedure = engine.procedure(c);
        var k = r.classification();
        String actor = officer != null ? officer : ACTOR_PREFIX + (r.sender() == null ? "unknown sender" : r.sender());
        audit(tx, c, now, actor, "reply-received", k.intent().label()
                + " (confidence " + k.confidence() + ", evidence \"" + k.evidence() + "\"), matched by " + r.matchMethod()
                + ", via " + r.source() + (r.subject() == null ? "" : ", subject \"" + r.subject() + "\""));
        Outcome outcome = effect(tx, campaign, procedure, c, ref, r, officer != null, now, report);
        audit(tx, c, now, actor, "reply-" + outcome.status().name().toLowerCase(Locale.ROOT),
                outcome.outcome() + (outcome.heldReason() == null ? "" : " (officer: " + outcome.heldReason() + ")"));
        c.setNextDueAt(c.isClosed() ? null : now);
        tx.updateCase(c);
        return outcome;
    }

    private Outcome effect(Tx tx, Campaign campaign, ProcedureDefinition procedure, SiteCase c, CaseRef ref, InboundReply r,
                           boolean confirmed, Instant now, TickReport report) {
        var k = r.classification();
        switch (k.intent()) {
            case AUTO_REPLY -> {
                report.count("reply.auto-reply");
                return new Outcome(Status.IGNORED, ref, "automatic answer: not answered, not counted as a response", null);
            }
            case BOUNCE -> {
                return bounce(tx, campaign, procedure, c, ref, r, now, report);
            }
            default -> { }
        }
        if (!confirmed && r.forgedSender().isPresent()) {
            return hold(tx, campaign, procedure, c, ref, r, now, report, "the sender address " + r.sender()
                    + " looks forged: " + r.forgedSender().get());
        }
        if (!confirmed && !authorised(tx, c, r.sender())) {
            return hold(tx, campaign, procedure, c, ref, r, now, report, "the sender " + r.sender()
                    + " is not a registered contact of " + c.site() + " or its NGI, nor was the ticket written to it");
        }
        if (c.isClosed()) {
            if (c.status() == CaseStatus.SUSPENDED && k.intent() == ReplyIntent.FIXED && !confirmed) {
                return hold(tx, campaign, procedure, c, ref, r, now, report,
                        "the suspended site says it is fixed: a reinstatement question (SEC03 4.6)");
            }
            return new Outcome(Status.PROCESSED, ref, "recorded; the case is already " + c.status()
                    + (c.status() == CaseStatus.SUSPENDED ? " (reinstatement goes through the ROD, SEC03 4.6)" : ""), null);
        }
        if (c.status() == CaseStatus.SUSPENSION_REQUESTED && k.intent() != ReplyIntent.ACKNOWLEDGED && !confirmed) {
            // the coordinator has been asked to suspend in GOCDB: only the officer can call that off
            return hold(tx, campaign, procedure, c, ref, r, now, report, "the coordinator has already been asked to suspend "
                    + c.site() + " (SEC03 4.5): cancel the request, or let it go ahead");
        }
        if (k.intent() == ReplyIntent.OTHER) {
            return hold(tx, campaign, procedure, c, ref, r, now, report, "the reply was not understood (" + k.evidence() + ")");
        }
        if (!confirmed && k.confidence() < settings.minConfidence()) {
            return hold(tx, campaign, procedure, c, ref, r, now, report, "low confidence " + k.confidence() + " that it means "
                    + k.intent().label() + " (\"" + k.evidence() + "\")");
        }
        c.acknowledge(now);
        report.count("reply." + k.intent().label());
        return switch (k.intent()) {
            case ACKNOWLEDGED -> new Outcome(Status.PROCESSED, ref,
                    "acknowledged: no more friendly reminders; the progress check follows the procedure", null);
            case FIXED -> fixed(tx, campaign, procedure, c, ref, r, now, report);
            case MITIGATED -> mitigated(tx, campaign, procedure, c, ref, r, now, report);
            case NOT_VULNERABLE, NEEDS_HELP, NEEDS_TIME -> {
                c.setSiteStatement(k.intent().label() + ": " + excerpt(r.newText()));
                String question = switch (k.intent()) {
                    case NOT_VULNERABLE -> "the site states it is not vulnerable: accept the explanation, or refuse it";
                    case NEEDS_HELP -> "the site asks for help: help it, grant an extension, or refuse";
                    default -> "the site asks for more time" + r.requestedDate().map(d -> " (until " + d + ")").orElse("")
                            + ": grant an extension (SEC03 4.3), or refuse";
                };
                askOfficer(tx, campaign, procedure, c, r, now, report, question);
                yield new Outcome(Status.PROCESSED, ref, "officer asked to decide: " + question + "; the deadline is unchanged", null);
            }
            default -> throw new IllegalStateException("unexpected intent " + k.intent());
        };
    }

    /** Seed 002 3a, "a simple package/kernel update": check Pakiti against the time of the claim. */
    private Outcome fixed(Tx tx, Campaign campaign, ProcedureDefinition procedure, SiteCase c, CaseRef ref, InboundReply r,
                          Instant now, TickReport report) {
        Instant claimed = r.sentAt() == null || r.sentAt().isAfter(now) ? now : r.sentAt();
        c.claimFixed(claimed);
        c.setSiteStatement("fixed: " + excerpt(r.newText()));
        Vulnerability v = status.of(c.site(), campaign.cves());
        String key = ProcedureEngine.caseScope(c) + "/reply-" + r.id();
        if (v.isFixed()) {
            c.clearFollowUp();
            return new Outcome(Status.PROCESSED, ref, "site says fixed; monitoring agrees: "
                    + engine.closeFixed(tx, campaign, procedure, c, key, v, now, report), null);
        }
        Instant lastReport = status.oldestHostReport(c.site(), campaign.cves()).orElse(v.observedAt());
        Map<String, Object> model = messages.model(campaign, c, now);
        model.put("claimed", messages.human(claimed));
        model.put("lastReport", lastReport == null ? "never" : messages.human(lastReport));
        model.put("vulnerableHosts", v.vulnerableHosts());
        model.put("pakitiClientUrl", settings.pakitiClientUrl());
        c.followUp(SiteCase.FollowUp.FIX_CLAIM, now.plus(settings.fixRecheck()));
        List<Role> to = engine.closeRecipients(procedure);
        if (lastReport == null || lastReport.isBefore(claimed)) {
            OutboxEntry mail = messages.mail(key + "/pakiti-client", campaign, c, "pakiti-client", NotificationKind.NONE,
                    procedure.text("pakiti-client"), model, to, List.of(), now);
            engine.ticketMessage(tx, report, key + "/pakiti-client", mail, "correspond", c);
            return new Outcome(Status.PROCESSED, ref, "site says fixed at " + claimed + "; the hosts' last Pakiti report ("
                    + (lastReport == null ? "none" : lastReport) + ") is older: asked to run the Pakiti client; checks continue", null);
        }
        OutboxEntry mail = messages.mail(key + "/fix-not-confirmed", campaign, c, "fix-not-confirmed", NotificationKind.NONE,
                procedure.text("fix-not-confirmed"), model, to, List.of(), now);
        engine.ticketMessage(tx, report, key + "/fix-not-confirmed", mail, "correspond", c);
        return new Outcome(Status.PROCESSED, ref, "site says fixed at " + claimed + ", but Pakiti reports since then still show "
                + v.vulnerableHosts() + " vulnerable host(s): site told; checks continue", null);
    }

    /** Seed 002 3a, "if it's a mitigation": the advisory's own waits a day; any other goes to the IRTF. */
    private Outcome mitigated(Tx tx, Campaign campaign, ProcedureDefinition procedure, SiteCase c, CaseRef ref, InboundReply r,
                              Instant now, TickReport report) {
        c.setSiteStatement("mitigated: " + excerpt(r.newText()));
        String text = ReplyClassifier.normalise(r.newText());
        Optional<String> same = campaign.mitigations().stream()
                .map(ReplyClassifier::normalise)
                // a short word ("reboot") would match almost any reply: only distinctive phrases count
                .filter(m -> m.length() >= 8 && (" " + text + " ").contains(m)).findFirst();
        if (same.isPresent()) {
            Instant lookAgain = now.plus(settings.mitigationWait());
            c.followUp(SiteCase.FollowUp.MITIGATION, lookAgain);
            return new Outcome(Status.PROCESSED, ref, "mitigation named in the advisory (\"" + same.get()
                    + "\"): the monitoring is looked at again on " + lookAgain, null);
        }
        String key = ProcedureEngine.caseScope(c) + "/reply-" + r.id();
        Map<String, Object> model = replyModel(campaign, c, r, now);
        OutboxEntry mail = messages.mail(key + "/irtf", campaign, c, "mitigation-escalation", NotificationKind.NONE,
                procedure.text("mitigation-escalation"), model, List.of(Role.IRTF), List.of(Role.CSIRT), now);
        engine.enqueueMail(tx, report, mail);
        if (c.ticketRef() != null) {
            tx.enqueue(messages.action(key + "/irtf-comment", campaign, c, eu.egi.csirt.cvh.domain.campaign.Channel.RT,
                    "mitigation-escalation", "comment", mail.subject(), mail.body(), now));
        }
        c.askOfficer("a mitigation not in the advisory, escalated to the IRTF: accept it (SEC03 7.2) or refuse it", now);
        report.count("reply.escalated");
        return new Outcome(Status.PROCESSED, ref, "mitigation not listed in the advisory: escalated to the IRTF (ticket comment and mail);"
                + " the officer decides", null);
    }

    /** What a site's reply left to check (seed 002 3a): a claimed fix, or the advisory's mitigation after a day. */
    void followUp(Tx tx, Campaign campaign, ProcedureDefinition procedure, SiteCase c, Instant now, TickReport report) {
        if (c.status() == CaseStatus.SUSPENSION_REQUESTED) {
            c.clearFollowUp();   // the coordinator was asked to suspend: only the officer can call that off
            return;
        }
        Vulnerability v = status.of(c.site(), campaign.cves());
        SiteCase.FollowUp what = c.followUp();
        String key = ProcedureEngine.caseScope(c) + "/follow-up@" + c.followUpAt();
        if (v.isFixed()) {
            c.clearFollowUp();
            String outcome = engine.closeFixed(tx, campaign, procedure, c, key, v, now, report);
            tx.audit(new AuditEntry(campaign.id(), c.id(), c.site(), now, ProcedureEngine.ENGINE, "reply-follow-up",
                    (what == SiteCase.FollowUp.FIX_CLAIM ? "SDIS 3a: the claimed fix shows in Pakiti: " : "SDIS 3a: after the mitigation, ")
                            + outcome));
            return;
        }
        if (what == SiteCase.FollowUp.FIX_CLAIM) {
            c.followUp(what, now.plus(settings.fixRecheck()));
            return;
        }
        c.clearFollowUp();
        String question = "the site applied the advisory's mitigation a day ago and the monitoring still shows it vulnerable:"
                + " check the security dashboard, then accept the mitigation (SEC03 7.2) or refuse it";
        c.askOfficer(question, now);
        Map<String, Object> model = messages.model(campaign, c, now);
        model.put("question", question);
        model.put("reply", replyFields("", "", "", "mitigated", "", "", c.siteStatement() == null ? "" : c.siteStatement(), "", ""));
        model.put("mitigations", campaign.mitigations());
        engine.enqueueMail(tx, report, messages.mail(key + "/officer", campaign, c, "reply-decision", NotificationKind.NONE,
                procedure.text("reply-decision"), model, List.of(Role.CSIRT), List.of(), now));
        tx.audit(new AuditEntry(campaign.id(), c.id(), c.site(), now, ProcedureEngine.ENGINE, "reply-follow-up", "SDIS 3a: " + question));
    }

    /** Seed 002 2a: the contact is not valid any more; later notifications add the operational contacts. */
    private Outcome bounce(Tx tx, Campaign campaign, ProcedureDefinition procedure, SiteCase c, CaseRef ref, InboundReply r,
                           Instant now, TickReport report) {
        SiteContacts contacts = messages.contacts(c.site());
        // only the site's own contacts can turn invalid: a bounce of the CSIRT's, OMB's or IRTF's mail is not the site's
        Set<String> known = new HashSet<>();
        contacts.all().stream().map(a -> a.toLowerCase(Locale.ROOT)).forEach(known::add);
        known.removeAll(ownAddresses);
        List<String> failed = r.bouncedAddresses().stream().map(a -> a.toLowerCase(Locale.ROOT)).filter(known::contains).distinct().toList();
        if (failed.isEmpty()) {
            return hold(tx, campaign, procedure, c, ref, r, now, report, "a delivery failure that names none of the site's addresses"
                    + (r.bouncedAddresses().isEmpty() ? "" : " (" + String.join(", ", r.bouncedAddresses()) + ")"));
        }
        boolean news = false;
        for (String address : failed) {
            news |= tx.markContactInvalid(c.site(), address, now, "delivery failed: " + excerpt(r.newText()));
        }
        if (!news) {
            return new Outcome(Status.PROCESSED, ref, "contact(s) " + String.join(", ", failed) + " already known invalid", null);
        }
        Map<String, Object> model = replyModel(campaign, c, r, now);
        model.put("addresses", failed);
        model.put("operational", contacts.operational());
        engine.enqueueMail(tx, report, messages.mail(ProcedureEngine.caseScope(c) + "/reply-" + r.id() + "/bounce", campaign, c,
                "contact-bounced", NotificationKind.NONE, procedure.text("contact-bounced"), model, List.of(Role.CSIRT), List.of(), now));
        report.count("reply.bounce");
        return new Outcome(Status.PROCESSED, ref, "contact(s) " + String.join(", ", failed) + " marked invalid; officer told;"
                + " later notifications also go to the operational contacts", null);
    }

    /** The reply waits in the officer's queue; the case's own question (if any) stays as it is. */
    private Outcome hold(Tx tx, Campaign campaign, ProcedureDefinition procedure, SiteCase c, CaseRef ref, InboundReply r,
                         Instant now, TickReport report, String reason) {
        mailOfficer(tx, campaign, procedure, c, r, now, report, "a reply is held for you: " + reason);
        report.count("reply.held");
        return new Outcome(Status.HELD, ref, "held for the officer; the case is unchanged", reason);
    }

    private void askOfficer(Tx tx, Campaign campaign, ProcedureDefinition procedure, SiteCase c, InboundReply r, Instant now,
                            TickReport report, String question) {
        c.askOfficer(question, now);
        mailOfficer(tx, campaign, procedure, c, r, now, report, question);
    }

    private void mailOfficer(Tx tx, Campaign campaign, ProcedureDefinition procedure, SiteCase c, InboundReply r, Instant now,
                             TickReport report, String question) {
        Map<String, Object> model = replyModel(campaign, c, r, now);
        model.put("question", question);
        engine.enqueueMail(tx, report, messages.mail(ProcedureEngine.caseScope(c) + "/reply-" + r.id() + "/officer", campaign, c,
                "reply-decision", NotificationKind.NONE, procedure.text("reply-decision"), model, List.of(Role.CSIRT), List.of(), now));
    }

    private Map<String, Object> replyModel(Campaign campaign, SiteCase c, InboundReply r, Instant now) {
        Map<String, Object> model = messages.model(campaign, c, now);
        var k = r.classification();
        model.put("reply", replyFields(String.valueOf(r.id()), r.sender() == null ? "unknown" : r.sender(),
                r.subject() == null ? "" : r.subject(), k.intent().label(), String.valueOf(k.confidence()),
                k.evidence() == null ? "" : k.evidence(), excerpt(r.newText()), r.requestedDate().map(Object::toString).orElse(""),
                r.matchMethod() == null ? "" : r.matchMethod()));
        model.put("mitigations", campaign.mitigations());
        return model;
    }

    /** What the reply-decision template shows of a reply. */
    private static Map<String, Object> replyFields(String id, String sender, String subject, String intent, String confidence,
                                                   String evidence, String text, String requestedDate, String matchedBy) {
        return Map.of("id", id, "sender", sender, "subject", subject, "intent", intent, "confidence", confidence,
                "evidence", evidence, "text", text, "requestedDate", requestedDate, "matchedBy", matchedBy);
    }

    /** A registered contact of the site or its NGI, or an address the case was written to (a requestor). */
    private boolean authorised(Tx tx, SiteCase c, String sender) {
        if (sender == null || sender.isBlank()) return false;
        String s = sender.strip().toLowerCase(Locale.ROOT);
        SiteContacts contacts = messages.contacts(c.site());
        boolean contact = contacts.all().stream().anyMatch(a -> a.equalsIgnoreCase(s));
        // a requestor or copy of the case's mails, but never the CSIRT's own lists (a list may rewrite From)
        return contact || (!ownAddresses.contains(s) && tx.addressesWrittenTo(c.id()).contains(s));
    }

    private static void audit(Tx tx, SiteCase c, Instant now, String actor, String event, String detail) {
        tx.audit(new AuditEntry(c.campaignId(), c.id(), c.site(), now, actor, event, detail));
    }

    private static String excerpt(String text) {
        if (text == null) return "";
        String t = text.strip();
        return t.length() <= 2000 ? t : t.substring(0, 2000) + " […]";
    }
}
