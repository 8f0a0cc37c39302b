package eu.egi.csirt.cvh.adapter.console;

import eu.egi.csirt.cvh.adapter.console.ConsoleUsers.Principal;
import eu.egi.csirt.cvh.adapter.procedure.AdvisoryYamlReader;
import eu.egi.csirt.cvh.adapter.procedure.FileProcedureCatalog;
import eu.egi.csirt.cvh.adapter.procedure.ProcedureFileException;
import eu.egi.csirt.cvh.adapter.store.JdbcConsoleQueries;
import eu.egi.csirt.cvh.adapter.store.JdbcVulnerabilityStatus;
import eu.egi.csirt.cvh.domain.campaign.Advisory;
import eu.egi.csirt.cvh.domain.campaign.AuditEntry;
import eu.egi.csirt.cvh.domain.campaign.Campaign;
import eu.egi.csirt.cvh.domain.campaign.CampaignStatus;
import eu.egi.csirt.cvh.domain.campaign.CaseStatus;
import eu.egi.csirt.cvh.domain.campaign.Notification;
import eu.egi.csirt.cvh.domain.campaign.SiteCase;
import eu.egi.csirt.cvh.domain.campaign.Vulnerability;
import eu.egi.csirt.cvh.domain.engine.Decision;
import eu.egi.csirt.cvh.domain.engine.DecisionRefusedException;
import eu.egi.csirt.cvh.domain.engine.ProcedureEngine;
import eu.egi.csirt.cvh.domain.engine.SuspensionProof;
import eu.egi.csirt.cvh.domain.procedure.PlannedStep;
import eu.egi.csirt.cvh.domain.procedure.ProcedureDefinition;
import eu.egi.csirt.cvh.port.CampaignStore;
import eu.egi.csirt.cvh.port.SiteDirectory;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the officer's console shows and does. Reads come from the store; every action goes through the
 * engine (or the store for monitoring data and dead letters), so the procedure's checks apply and the
 * audit trail names who did it. Wrong input and refusals become {@link ConsoleException}s (4xx).
 */
public final class ConsoleService {

    private final ProcedureEngine engine;
    private final CampaignStore store;
    private final FileProcedureCatalog procedures;
    private final JdbcVulnerabilityStatus status;
    private final JdbcConsoleQueries queries;
    private final SiteDirectory directory;
    private final Clock clock;
    private final eu.egi.csirt.cvh.adapter.reply.ReplyProcessor replies;

    public ConsoleService(ProcedureEngine engine, CampaignStore store, FileProcedureCatalog procedures, JdbcVulnerabilityStatus status,
                          JdbcConsoleQueries queries, SiteDirectory directory, Clock clock,
                          eu.egi.csirt.cvh.adapter.reply.ReplyProcessor replies) {
        this.replies = replies;
        this.engine = engine;
        this.store = store;
        this.procedures = procedures;
        this.status = status;
        this.queries = queries;
        this.directory = directory;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    // ------------------------------------------------------------------ views

    public record CampaignSummary(String id, String title, String procedure, List<String> cves, String status, Instant issuedAt,
                                  Instant deadline, String scope, boolean headsUp, int sites, int open, int needsDecision,
                                  int overdue, int fixed, int suspended) {}

    public record NextStep(String step, String section, String action, Instant at) {}

    public record NotificationView(String kind, String notification, boolean individual, Instant createdAt, Instant deliveredAt,
                                   String subject) {}

    /** SEC03 5.4: the notifications that count, delivered ones oldest first, and whether suspension is allowed now. */
    public record Proof(int count, int individual, List<NotificationView> delivered, List<NotificationView> pending,
                        String verdict, String reason, Instant earliest) {}

    public record Pakiti(String state, int vulnerableHosts, Instant observedAt) {}

    public record SiteView(String site, String ngi, long caseId, int round, String procedure, String state, boolean needsDecision,
                           boolean overdue, boolean fixed, boolean closed, NextStep nextStep, Instant nextDueAt, Instant deadline,
                           String deadlineReason, boolean extended, String ticket, Instant ticketOpenedAt, Instant acknowledgedAt,
                           String statement, String pendingDecision, Instant pendingDecisionAt, Instant suspensionProposedAt,
                           Instant suspendedAt, Instant closedAt, String closeReason, Proof notifications, Pakiti pakiti) {}

    public record CampaignView(CampaignSummary campaign, String advisoryUrl, String source, List<SiteView> sites) {}

    public record HostView(String cve, String host, boolean vulnerable, Instant vulnerableReport, Instant lastReport,
                           boolean falsePositive) {}

    /** One line of a site's timeline: a mail, ticket change, GOCDB or wiki action (outbox), or an audit event. */
    public record TimelineEntry(Instant at, String source, String type, String detail, String actor, String status) {}

    public record SiteDetail(SiteView site, List<HostView> hosts, List<JdbcConsoleQueries.Reply> replies, List<TimelineEntry> timeline) {}

    public record DeadLetter(long id, String campaignId, String site, String channel, String kind, String operation, String subject,
                             int attempts, Instant createdAt, String lastError) {}

    public record Outcome(String outcome, Object result) {}

    public List<CampaignSummary> campaigns() {
        List<Campaign> all = store.inTransaction(CampaignStore.Tx::campaigns);
        Instant now = now();
        List<CampaignSummary> out = new ArrayList<>();
        for (Campaign k : all) {
            List<SiteCase> cases = latestCases(k.id());
            out.add(summary(k, cases, now));
        }
        out.sort(Comparator.comparing(CampaignSummary::issuedAt).reversed().thenComparing(CampaignSummary::id));
        return out;
    }

    private CampaignSummary summary(Campaign k, List<SiteCase> cases, Instant now) {
        int open = 0, decide = 0, overdue = 0, fixed = 0, suspended = 0;
        for (SiteCase c : cases) {
            if (!c.isClosed()) open++;
            if (needsDecision(c)) decide++;
            if (overdue(c, now)) overdue++;
            if (isFixed(c)) fixed++;
            if (c.status() == CaseStatus.SUSPENDED) suspended++;
        }
        return new CampaignSummary(k.id(), k.title(), k.procedureId(), k.cves(), k.status().name(), k.issuedAt(), k.deadline(),
                k.scope().name(), k.headsUp(), cases.size(), open, decide, overdue, fixed, suspended);
    }

    public CampaignView campaign(String id) {
        Campaign k = campaignOr404(id);
        Instant now = now();
        List<SiteCase> cases = latestCases(id);
        List<SiteView> sites = cases.stream().map(c -> siteView(k, c, now)).toList();
        return new CampaignView(summary(k, cases, now), k.advisoryUrl(), k.source(), sites);
    }

    public SiteDetail site(String campaignId, String site) {
        Campaign k = campaignOr404(campaignId);
        SiteCase c = caseOr404(k, site);
        List<HostView> hosts = new ArrayList<>();
        for (String cve : k.cves()) {
            for (var h : status.hosts(site, cve)) {
                hosts.add(new HostView(cve, h.host(), h.vulnerable(), h.vulnerableReport(), h.lastReport(), h.falsePositive()));
            }
        }
        return new SiteDetail(siteView(k, c, now()), hosts, queries.replies(campaignId, site), timeline(campaignId, site));
    }

    /** Every mail, ticket change, GOCDB/wiki action and audit event of a site, in time order. */
    public List<TimelineEntry> timeline(String campaignId, String site) {
        List<TimelineEntry> out = new ArrayList<>();
        for (var a : queries.actions(campaignId, site)) {
            String what = a.channel() + " " + a.operation() + " " + a.kind();
            String detail = (a.subject() == null ? "" : a.subject()) + (a.to() == null || a.to().isBlank() ? "" : " (to " + a.to() + ")")
                    + (a.lastError() == null ? "" : " - last error: " + a.lastError());
            out.add(new TimelineEntry(a.deliveredAt() != null ? a.deliveredAt() : a.createdAt(), "outbox", what, detail, "cvh", a.status()));
        }
        for (var r : queries.replies(campaignId, site)) {
            out.add(new TimelineEntry(r.receivedAt(), "reply", "reply " + (r.intent() == null ? r.status() : r.intent()),
                    (r.subject() == null ? "" : r.subject()) + (r.outcome() == null ? "" : " - " + r.outcome()),
                    r.sender() == null ? "" : r.sender(), r.status()));
        }
        for (AuditEntry e : queries.audit(campaignId, site)) {
            out.add(new TimelineEntry(e.at(), "audit", e.event(), e.detail(), e.actor(), ""));
        }
        out.sort(Comparator.comparing(TimelineEntry::at));
        return out;
    }

    public List<AuditEntry> audit(String campaignId) {
        campaignOr404(campaignId);
        return queries.audit(campaignId);
    }

    /** Replies waiting for the officer: unmatched or held. */
    public List<JdbcConsoleQueries.Reply> unmatchedReplies() {
        return queries.unmatchedReplies();
    }

    /** The replies matched to a campaign, with their intents. */
    public List<JdbcConsoleQueries.Reply> replies(String campaignId) {
        campaignOr404(campaignId);
        return queries.replies(campaignId, null);
    }

    public List<DeadLetter> deadLetters() {
        return queries.dead().stream().map(a -> new DeadLetter(a.id(), a.campaignId(), a.site(), a.channel(), a.kind(), a.operation(),
                a.subject(), a.attempts(), a.createdAt(), a.lastError())).toList();
    }

    SiteView siteView(Campaign k, SiteCase c, Instant now) {
        ProcedureDefinition procedure = procedures.find(c.procedureId()).orElse(null);
        Optional<PlannedStep> next = Optional.empty();
        Proof proof = null;
        List<Notification> notifications = store.inTransaction(tx -> tx.notifications(c.id(), k.id()));
        if (procedure != null) {
            try {
                next = engine.nextStep(k, c);
            } catch (RuntimeException e) {
                next = Optional.empty();   // a procedure being edited: the view still shows the rest
            }
            SuspensionProof.Result r = SuspensionProof.check(notifications, procedure.suspension(),
                    c.suspendedAt() != null ? c.suspendedAt() : now);
            proof = proof(notifications, r);
        } else {
            proof = proof(notifications, null);
        }
        Vulnerability v = status.of(c.site(), k.cves());
        String ngi = directory.find(c.site()).map(s -> s.ngi()).orElse("");
        return new SiteView(c.site(), ngi, c.id(), c.round(), c.procedureId(), c.status().name(), needsDecision(c), overdue(c, now),
                isFixed(c), c.isClosed(),
                next.map(p -> new NextStep(p.step().id(), p.section(), p.step().action().name().toLowerCase().replace('_', '-'), p.at()))
                        .orElse(null),
                c.nextDueAt(), c.deadline(), c.deadlineReason(), c.deadlineReason() != null, c.ticketRef(), c.ticketOpenedAt(),
                c.acknowledgedAt(), c.siteStatement(), c.pendingDecision(), c.pendingDecisionAt(), c.suspensionProposedAt(), c.suspendedAt(), c.closedAt(), c.closeReason(), proof,
                new Pakiti(v.state().name(), v.vulnerableHosts(), v.observedAt()));
    }

    private static Proof proof(List<Notification> all, SuspensionProof.Result r) {
        List<NotificationView> delivered = all.stream().filter(n -> n.notification().counts() && n.delivered())
                .sorted(Comparator.comparing(Notification::deliveredAt)).map(ConsoleService::view).toList();
        List<NotificationView> pending = all.stream().filter(n -> n.notification().counts() && !n.delivered()).map(ConsoleService::view).toList();
        int individual = (int) delivered.stream().filter(NotificationView::individual).count();
        return new Proof(delivered.size(), individual, delivered, pending, r == null ? "UNKNOWN" : r.verdict().name(),
                r == null ? "procedure not loaded" : r.reason(), r == null ? null : r.earliest());
    }

    private static NotificationView view(Notification n) {
        return new NotificationView(n.kind(), n.notification().name(), n.individual(), n.createdAt(), n.deliveredAt(), n.subject());
    }

    /** A proposed suspension, or a question the engine put to the officer (a held reply, a mitigation to judge). */
    static boolean needsDecision(SiteCase c) {
        return c.status() == CaseStatus.SUSPENSION_PROPOSED || (!c.isClosed() && c.pendingDecision() != null);
    }

    static boolean overdue(SiteCase c, Instant now) {
        return !c.isClosed() && now.isAfter(c.deadline());
    }

    static boolean isFixed(SiteCase c) {
        return c.status() == CaseStatus.FIXED || c.status() == CaseStatus.NOT_AFFECTED;
    }

    private List<SiteCase> latestCases(String campaignId) {
        List<SiteCase> all = store.inTransaction(tx -> tx.cases(campaignId));
        Map<String, SiteCase> latest = new java.util.TreeMap<>();
        for (SiteCase c : all) latest.merge(c.site(), c, (a, b) -> a.round() >= b.round() ? a : b);
        return new ArrayList<>(latest.values());
    }

    Campaign campaignOr404(String id) {
        return store.inTransaction(tx -> tx.campaign(id)).orElseThrow(() -> ConsoleException.notFound("no campaign '" + id + "'"));
    }

    private SiteCase caseOr404(Campaign k, String site) {
        return store.inTransaction(tx -> tx.latestCase(k.id(), site))
                .orElseThrow(() -> ConsoleException.notFound("site '" + site + "' is not part of campaign " + k.id()));
    }

    // ------------------------------------------------------------------ actions

    /** SEC03 2.3: an advisory (the watched folder's YAML format) starts a campaign; {@code headsUp} forces SEC03 2.1. */
    public Outcome startCampaign(String yaml, boolean headsUp, Principal who) {
        requireOfficer(who);
        if (yaml == null || yaml.isBlank()) throw ConsoleException.invalid("the advisory (YAML, as in the advisories folder) is empty");
        String name = "console-upload";
        Advisory read;
        try {
            read = AdvisoryYamlReader.read(name, new StringReader(yaml), now().truncatedTo(ChronoUnit.SECONDS),
                    procedures.all().stream().map(ProcedureDefinition::id).collect(Collectors.toSet()),
                    procedures.errors().stream().map(ProcedureFileException::getMessage).toList());
        } catch (ProcedureFileException | IllegalArgumentException e) {
            throw ConsoleException.invalid(e.getMessage());
        }
        if (read.id().equals(name)) throw ConsoleException.invalid("the advisory needs an 'id:' line (e.g. id: EGI-SVG-2026-31337)");
        Advisory advisory = headsUp && !read.headsUp()
                ? new Advisory(read.id(), read.title(), read.procedureId(), read.cves(), read.advisoryUrl(), read.advisoryText(),
                        read.issuedAt(), read.sites(), true, read.scope(), "console upload by " + who.name())
                : new Advisory(read.id(), read.title(), read.procedureId(), read.cves(), read.advisoryUrl(), read.advisoryText(),
                        read.issuedAt(), read.sites(), read.headsUp(), read.scope(), "console upload by " + who.name());
        boolean existed = store.inTransaction(tx -> tx.campaign(advisory.id())).isPresent();
        if (existed) throw ConsoleException.conflict("campaign " + advisory.id() + " already exists: the same advisory starts one campaign");
        Campaign k = refusalsAs409(() -> engine.start(advisory));
        store.inTransaction(tx -> {
            tx.audit(new AuditEntry(k.id(), null, null, now(), who.name(), "campaign-uploaded",
                    "advisory uploaded through the console" + (advisory.headsUp() ? " with a heads-up (SEC03 2.1)" : "")));
            return null;
        });
        return new Outcome("campaign " + k.id() + " started: deadline " + k.deadline() + ", advisory to " + k.scope()
                + (k.headsUp() ? ", heads-up first" : ""), campaign(k.id()).campaign());
    }

    /** SEC03 4.3. */
    public Outcome extend(String campaignId, String site, Map<String, String> form, Principal who) {
        requireOfficer(who);
        Instant newDeadline = instant(required(form, "newDeadline", "the new deadline"));
        String by = form.getOrDefault("by", "").isBlank() ? "CSIRT" : form.get("by").trim();
        if (!by.equals("CSIRT") && !by.equals("OMB")) throw ConsoleException.invalid("by: use CSIRT or OMB, not '" + by + "'");
        return decide(campaignId, site, new Decision.Extend(campaignId, site, newDeadline, by, required(form, "reason", "a reason"), who.name()));
    }

    /** SEC03 4.4. */
    public Outcome veto(String campaignId, String site, Map<String, String> form, Principal who) {
        requireOfficer(who);
        String by = required(form, "by", "who vetoes (OMB-majority or COO)");
        if (!by.equals("OMB-majority") && !by.equals("COO")) throw ConsoleException.invalid("by: use OMB-majority or COO, not '" + by + "'");
        return decide(campaignId, site, new Decision.Veto(campaignId, site, by, required(form, "reason", "a reason"), who.name()));
    }

    /** SEC03 4.2, checked against 5.4 and 5.5. */
    public Outcome confirmSuspension(String campaignId, String site, Map<String, String> form, Principal who) {
        requireOfficer(who);
        return decide(campaignId, site, new Decision.ConfirmSuspension(campaignId, site, required(form, "reason", "a reason"), who.name()));
    }

    public Outcome cancelSuspension(String campaignId, String site, Map<String, String> form, Principal who) {
        requireOfficer(who);
        return decide(campaignId, site, new Decision.CancelSuspension(campaignId, site, required(form, "reason", "a reason"), who.name()));
    }

    /** SEC03 7.2: a mitigation or explanation accepted. */
    public Outcome accept(String campaignId, String site, Map<String, String> form, Principal who) {
        requireOfficer(who);
        return decide(campaignId, site, new Decision.Accept(campaignId, site, what(form), who.name()));
    }

    /** SEC03 7.2: a mitigation or explanation not accepted; the procedure goes on. */
    public Outcome refuse(String campaignId, String site, Map<String, String> form, Principal who) {
        requireOfficer(who);
        return decide(campaignId, site, new Decision.Refuse(campaignId, site, what(form), who.name()));
    }

    /** SEC03 4.6: the ROD is answered from the latest monitoring data. */
    public Outcome reinstatement(String campaignId, String site, Principal who) {
        requireOfficer(who);
        return decide(campaignId, site, new Decision.ReinstatementRequest(campaignId, site, who.name()));
    }

    /** Seed 002 step 1: a host, or the whole site, is a false positive for the campaign's CVE(s). */
    public Outcome falsePositive(String campaignId, String site, Map<String, String> form, Principal who) {
        requireOfficer(who);
        Campaign k = campaignOr404(campaignId);
        caseOr404(k, site);
        String reason = required(form, "reason", "a reason");
        String cve = limited("cve", form.getOrDefault("cve", "").trim(), 50);
        List<String> cves = cve.isEmpty() ? k.cves() : List.of(cve);
        if (!k.cves().containsAll(cves)) throw ConsoleException.invalid(cve + " is not a CVE of campaign " + k.id() + " (" + k.cveList() + ")");
        String host = limited("host", form.getOrDefault("host", "").trim(), 255);
        for (String c : cves) {
            if (host.isEmpty()) status.markSiteFalsePositive(site, c, reason, who.name(), now());
            else status.markFalsePositive(site, c, host, reason, who.name(), now());
        }
        return new Outcome("false positive recorded: " + site + " " + String.join(", ", cves) + (host.isEmpty() ? "" : " host " + host),
                site(campaignId, site).site());
    }

    public Outcome pause(String campaignId, Principal who) {
        return campaignStatus(campaignId, CampaignStatus.ACTIVE, CampaignStatus.PAUSED, who);
    }

    public Outcome resume(String campaignId, Principal who) {
        return campaignStatus(campaignId, CampaignStatus.PAUSED, CampaignStatus.ACTIVE, who);
    }

    private Outcome campaignStatus(String campaignId, CampaignStatus from, CampaignStatus to, Principal who) {
        requireOfficer(who);
        Campaign k = campaignOr404(campaignId);
        if (k.status() != from) {
            throw ConsoleException.conflict("campaign " + k.id() + " is " + k.status() + ": only a " + from + " campaign can be "
                    + (to == CampaignStatus.PAUSED ? "paused" : "resumed"));
        }
        refusalsAs409(() -> { engine.setCampaignStatus(campaignId, to, who.name()); return null; });
        return new Outcome("campaign " + k.id() + " " + (to == CampaignStatus.PAUSED ? "paused" : "resumed"), campaign(k.id()).campaign());
    }

    /**
     * A held or unmatched reply settled by the officer: from this site, meaning this; it then takes
     * effect as any reply (e.g. "fixed" is checked against Pakiti, "needs time" asks for a decision).
     */
    public Outcome settleReply(String idText, Map<String, String> form, Principal who) {
        requireOfficer(who);
        long id = replyId(idText);
        String campaignId = required(form, "campaign", "the campaign");
        String site = required(form, "site", "the site");
        eu.egi.csirt.cvh.domain.engine.ReplyIntent intent;
        try {
            intent = eu.egi.csirt.cvh.domain.engine.ReplyIntent.parse(required(form, "intent", "what the reply means"));
        } catch (IllegalArgumentException e) {
            throw ConsoleException.invalid("'" + form.get("intent") + "' is not an intent: acknowledged, fixed, mitigated,"
                    + " not-vulnerable, needs-help, needs-time or bounce");
        }
        var outcome = replyAction(() -> replies.settle(id, campaignId, site, intent, who.name()));
        return new Outcome("reply " + id + " settled as " + intent.label()
                + " for " + site + ": " + outcome.outcome(), null);
    }

    /** A held or unmatched reply set aside by the officer, with a reason (audited on its case, if any). */
    public Outcome dismissReply(String idText, Map<String, String> form, Principal who) {
        requireOfficer(who);
        long id = replyId(idText);
        String reason = required(form, "reason", "a reason");
        var outcome = replyAction(() -> replies.dismiss(id, reason, who.name()));
        return new Outcome("reply " + id + " " + outcome.outcome(), null);
    }

    private static long replyId(String idText) {
        try {
            return Long.parseLong(idText);
        } catch (NumberFormatException e) {
            throw ConsoleException.invalid("'" + idText + "' is not a reply id");
        }
    }

    private static eu.egi.csirt.cvh.domain.engine.InboundReply.Outcome replyAction(
            java.util.function.Supplier<eu.egi.csirt.cvh.domain.engine.InboundReply.Outcome> action) {
        try {
            return refusalsAs409(action);
        } catch (IllegalArgumentException e) {
            throw ConsoleException.conflict(e.getMessage());
        }
    }

    /** A dead outbox action is tried again now (with a fresh count of attempts); audited. */
    public Outcome retryDeadLetter(String idText, Principal who) {
        requireOfficer(who);
        long id;
        try {
            id = Long.parseLong(idText);
        } catch (NumberFormatException e) {
            throw ConsoleException.invalid("'" + idText + "' is not an outbox id");
        }
        var action = queries.action(id).orElseThrow(() -> ConsoleException.notFound("no outbox action " + id));
        if (!action.status().equals("DEAD")) throw ConsoleException.conflict("outbox action " + id + " is " + action.status() + ", not DEAD");
        // a final warning or a suspension request written before the case was closed must not go out now
        if (action.caseId() != null) {
            var closed = store.inTransaction(tx -> tx.caseForUpdate(action.caseId()))
                    .filter(c -> c.isClosed() && c.closedAt() != null && action.createdAt().isBefore(c.closedAt()));
            if (closed.isPresent()) {
                throw ConsoleException.conflict("outbox action " + id + " (" + action.kind() + ") was written before " + closed.get().site()
                        + " became " + closed.get().status() + " (" + closed.get().closedAt() + "): sending it now would be wrong");
            }
        }
        var campaign = store.inTransaction(tx -> tx.campaign(action.campaignId()));
        if (campaign.isPresent() && campaign.get().status() == CampaignStatus.CLOSED) {
            throw ConsoleException.conflict("campaign " + action.campaignId() + " is closed: its dead actions stay as they are");
        }
        if (!queries.retryDead(id, now())) throw ConsoleException.conflict("outbox action " + id + " is not DEAD any more");
        store.inTransaction(tx -> {
            tx.audit(new AuditEntry(action.campaignId(), action.caseId(), action.site(), now(), who.name(), "dead-letter-retried",
                    action.channel() + " " + action.operation() + " " + action.kind() + " (" + action.subject() + "), last error: " + action.lastError()));
            return null;
        });
        return new Outcome("outbox action " + id + " (" + action.kind() + ") is due again", null);
    }

    private Outcome decide(String campaignId, String site, Decision decision) {
        Campaign k = campaignOr404(campaignId);
        caseOr404(k, site);
        String outcome = refusalsAs409(() -> engine.decide(decision));
        return new Outcome(outcome, siteView(k, caseOr404(k, site), now()));
    }

    private static <T> T refusalsAs409(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (DecisionRefusedException e) {
            throw ConsoleException.conflict(e.getMessage());
        }
    }

    private static void requireOfficer(Principal who) {
        if (who == null || !who.mayAct()) {
            throw ConsoleException.forbidden((who == null ? "anonymous" : who.name() + " (" + who.role().name().toLowerCase() + ")")
                    + " may read but not act: the officer role is needed");
        }
    }

    private static String what(Map<String, String> form) {
        String what = form.getOrDefault("what", "").isBlank() ? form.getOrDefault("reason", "") : form.getOrDefault("what", "");
        if (what.isBlank()) throw ConsoleException.invalid("say what is accepted or refused (field 'what' or 'reason')");
        return limited("what", what.trim(), MAX_TEXT);
    }

    private static String required(Map<String, String> form, String field, String what) {
        String v = form.get(field);
        if (v == null || v.isBlank()) throw ConsoleException.invalid("missing '" + field + "': " + what + " is required");
        return limited(field, v.trim(), MAX_TEXT);
    }

    /** Reasons and statements go into mails, the audit trail and the OMB summary: a page of text at most. */
    static final int MAX_TEXT = 2000;

    private static String limited(String field, String value, int max) {
        if (value.length() > max) throw ConsoleException.invalid("'" + field + "' is too long: " + value.length() + " characters, at most " + max);
        return value;
    }

    /** ISO-8601 instant; a local date-time or date (10:00) is taken as UTC; years 2000 to 2100. */
    static Instant instant(String text) {
        Instant t = parseInstant(text);
        int year = t.atZone(ZoneOffset.UTC).getYear();
        if (year < 2000 || year > 2100) throw ConsoleException.invalid("'" + text.trim() + "' is not a plausible date (years 2000 to 2100)");
        return t;
    }

    private static Instant parseInstant(String text) {
        String t = text.trim();
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException ignored) {
            // try the shorter forms
        }
        try {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // try a date
        }
        try {
            return LocalDate.parse(t).atTime(10, 0).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw ConsoleException.invalid("'" + t + "' is not a date-time: use ISO-8601, e.g. 2026-12-08T10:00:00Z");
        }
    }

    Set<String> procedureIds() {
        return procedures.all().stream().map(ProcedureDefinition::id).collect(Collectors.toSet());
    }
}
