package eu.egi.csirt.cvh.domain.engine;

import eu.egi.csirt.cvh.domain.campaign.Advisory;
import eu.egi.csirt.cvh.domain.campaign.AdvisoryScope;
import eu.egi.csirt.cvh.domain.campaign.AuditEntry;
import eu.egi.csirt.cvh.domain.campaign.Campaign;
import eu.egi.csirt.cvh.domain.campaign.CampaignStatus;
import eu.egi.csirt.cvh.domain.campaign.CaseStatus;
import eu.egi.csirt.cvh.domain.campaign.Channel;
import eu.egi.csirt.cvh.domain.campaign.OutboxEntry;
import eu.egi.csirt.cvh.domain.campaign.SiteCase;
import eu.egi.csirt.cvh.domain.campaign.Vulnerability;
import eu.egi.csirt.cvh.domain.procedure.Anchor;
import eu.egi.csirt.cvh.domain.procedure.Anchors;
import eu.egi.csirt.cvh.domain.procedure.Condition;
import eu.egi.csirt.cvh.domain.procedure.NotificationKind;
import eu.egi.csirt.cvh.domain.procedure.PlannedStep;
import eu.egi.csirt.cvh.domain.procedure.Planner;
import eu.egi.csirt.cvh.domain.procedure.ProcedureDefinition;
import eu.egi.csirt.cvh.domain.procedure.Role;
import eu.egi.csirt.cvh.domain.procedure.StepAction;
import eu.egi.csirt.cvh.domain.procedure.StepDefinition;
import eu.egi.csirt.cvh.port.CampaignStore;
import eu.egi.csirt.cvh.port.CampaignStore.Tx;
import eu.egi.csirt.cvh.port.ProcedureCatalog;
import eu.egi.csirt.cvh.port.ReplyCases;
import eu.egi.csirt.cvh.port.SiteDirectory;
import eu.egi.csirt.cvh.port.TextRenderer;
import eu.egi.csirt.cvh.port.VulnerabilityStatus;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The procedure engine: decides what is due and writes it, with the state change, to the outbox in
 * one transaction. It never sends. "Now" comes from the injected clock, so a whole campaign runs in
 * virtual time. Its entry points are serialised: one runtime instance per database.
 */
public final class ProcedureEngine {

    static final String ENGINE = "engine";
    private static final int BATCH = 500;

    private final CampaignStore store;
    private final ProcedureCatalog procedures;
    private final Planner planner;
    private final VulnerabilityStatus status;
    private final Messages messages;
    private final EngineSettings settings;
    private final Clock clock;
    private final Map<String, Long> statusVersionSeen = new ConcurrentHashMap<>();
    private final SiteDirectory directory;
    private final ReplyHandler replies;

    public ProcedureEngine(CampaignStore store, ProcedureCatalog procedures, Planner planner, VulnerabilityStatus status,
                           SiteDirectory directory, TextRenderer renderer, EngineSettings settings, Clock clock) {
        this.store = store;
        this.procedures = procedures;
        this.planner = planner;
        this.status = status;
        this.settings = settings;
        this.clock = clock;
        this.directory = directory;
        this.messages = new Messages(renderer, directory, settings, planner.calendar());
        this.replies = new ReplyHandler(this, messages, status, settings);
    }

    public Clock clock() {
        return clock;
    }

    // ---------------------------------------------------------------- campaigns

    /** Starts a campaign from an advisory; idempotent on the advisory id. */
    public synchronized Campaign start(Advisory advisory) {
        ProcedureDefinition procedure = procedures.get(advisory.procedureId());
        Instant now = clock.instant();
        return store.inTransaction(tx -> {
            Optional<Campaign> existing = tx.campaign(advisory.id());
            if (existing.isPresent()) {
                return existing.get();
            }
            List<String> candidates = advisory.sites().isEmpty()
                    ? status.vulnerableSites(advisory.cves()).stream().sorted().toList()
                    : advisory.sites();
            List<String> sites = candidates.stream().filter(directory::isParticipating).toList();
            AdvisoryScope scope = advisory.scope().orElse(
                    sites.size() <= procedure.individualSitesThreshold() ? AdvisoryScope.INDIVIDUAL : AdvisoryScope.LISTS);
            Instant deadline = planner.deadline(procedure, advisory.issuedAt());
            Campaign campaign = new Campaign(advisory.id(), advisory.title(), procedure.id(), advisory.cves(),
                    advisory.advisoryUrl(), advisory.advisoryText(), advisory.issuedAt(), deadline, scope,
                    advisory.headsUp(), CampaignStatus.ACTIVE, advisory.issuedAt(), advisory.source(), advisory.mitigations());
            tx.insertCampaign(campaign);
            for (String skipped : candidates) {
                if (!sites.contains(skipped)) {
                    tx.audit(new AuditEntry(advisory.id(), null, skipped, now, ENGINE, "site-skipped",
                            skipped + " does not take part (its GOCDB certification status is not one of the participating ones)"));
                }
            }
            tx.audit(new AuditEntry(campaign.id(), null, null, now, ENGINE, "campaign-started",
                    procedure.id() + ", " + sites.size() + " site(s), advisory to " + scope + ", deadline " + deadline
                            + " (SEC03 2.3), from " + advisory.source()));
            for (String site : sites) {
                SiteCase c = new SiteCase(0, campaign.id(), site, procedure.id(), 1, advisory.issuedAt(), deadline);
                c.setNextDueAt(advisory.issuedAt());
                tx.insertCase(c);
            }
            return campaign;
        });
    }

    public synchronized void setCampaignStatus(String campaignId, CampaignStatus newStatus, String actor) {
        Instant now = clock.instant();
        store.inTransaction(tx -> {
            Campaign c = tx.campaign(campaignId).orElseThrow(() -> new DecisionRefusedException("no campaign " + campaignId));
            tx.updateCampaign(c.withStatus(newStatus).withNextDueAt(newStatus == CampaignStatus.ACTIVE ? now : c.nextDueAt()));
            tx.audit(new AuditEntry(campaignId, null, null, now, actor, "campaign-" + newStatus.name().toLowerCase(), ""));
            return null;
        });
    }

    /**
     * The next step the procedure plans for a site case (possibly due already), for the officer's view;
     * empty when the case is closed or nothing is left to do but decide.
     */
    public Optional<PlannedStep> nextStep(Campaign campaign, SiteCase c) {
        if (c.isClosed()) return Optional.empty();
        ProcedureDefinition procedure = procedures.get(c.procedureId());
        Set<String> done = store.inTransaction(tx -> tx.executedSteps(caseScope(c)));
        return planner.schedule(procedure, caseAnchors(campaign, c)).stream()
                .filter(p -> p.step().action().scope() == StepAction.Scope.SITE && !done.contains(p.key()))
                .min(java.util.Comparator.comparing(PlannedStep::at));
    }

    // ---------------------------------------------------------------- the tick

    /** Does everything that is due now: new or re-introduced vulnerable sites, campaign steps, site steps. */
    public synchronized TickReport tick() {
        Instant now = clock.instant();
        TickReport report = new TickReport();
        detectNewlyVulnerable(now, report);
        for (String id : store.inTransaction(tx -> tx.campaignsDue(now))) {
            store.inTransaction(tx -> { processCampaign(tx, id, now, report); return null; });
        }
        for (int round = 0; round < 1000; round++) {
            List<Long> due = store.inTransaction(tx -> tx.casesDue(now, BATCH));
            for (long id : due) {
                store.inTransaction(tx -> { processCase(tx, id, now, report); return null; });
            }
            if (due.size() < BATCH) {
                break;
            }
        }
        return report;
    }

    /** SEC03 3: a site vulnerable again after being fixed, or late in the run-up, gets its own 48-hour case. */
    private void detectNewlyVulnerable(Instant now, TickReport report) {
        long version = status.version();
        List<Campaign> active = store.inTransaction(tx -> tx.campaigns().stream()
                .filter(c -> c.status() == CampaignStatus.ACTIVE).toList());
        for (Campaign campaign : active) {
            if (Long.valueOf(version).equals(statusVersionSeen.get(campaign.id())) || campaign.issuedAt().isAfter(now)) {
                continue;
            }
            statusVersionSeen.put(campaign.id(), version);
            Set<String> vulnerable = status.vulnerableSites(campaign.cves());
            store.inTransaction(tx -> {
                Map<String, SiteCase> latest = new HashMap<>();
                for (SiteCase c : tx.cases(campaign.id())) {
                    latest.merge(c.site(), c, (a, b) -> a.round() >= b.round() ? a : b);
                }
                ProcedureDefinition main = procedures.get(campaign.procedureId());
                boolean ticketStagePassed = ticketTime(campaign, main).map(t -> !now.isBefore(t)).orElse(true);
                for (String site : vulnerable) {
                    if (!directory.isParticipating(site)) continue;
                    SiteCase last = latest.get(site);
                    if (last != null && last.status() != CaseStatus.FIXED && last.status() != CaseStatus.NOT_AFFECTED) {
                        continue;
                    }
                    boolean reintroduced = last != null || ticketStagePassed;
                    ProcedureDefinition procedure = reintroduced
                            ? main.reintroduction().map(procedures::get).orElse(main) : main;
                    Instant deadline = procedure.deadline().anchor() == Anchor.ADVISORY && procedure == main
                            ? campaign.deadline() : planner.deadline(procedure, now);
                    SiteCase c = new SiteCase(0, campaign.id(), site, procedure.id(), last == null ? 1 : last.round() + 1, now, deadline);
                    c.setNextDueAt(now);
                    tx.insertCase(c);
                    String why = last != null ? "vulnerable again after being fixed" : reintroduced
                            ? "vulnerable late in the run-up to the deadline" : "newly vulnerable before the tickets";
                    tx.audit(new AuditEntry(campaign.id(), c.id(), site, now, ENGINE, reintroduced ? "re-introduced" : "site-added",
                            why + " (SEC03 3): " + procedure.id() + ", deadline " + deadline));
                    report.count(reintroduced ? "case.reintroduced" : "case.added");
                    if (!reintroduced && campaign.scope() == AdvisoryScope.INDIVIDUAL
                            && tx.executedSteps(campaignScope(campaign)).stream().anyMatch(k -> k.startsWith("advisory@"))) {
                        main.steps().stream().filter(s -> s.action() == StepAction.ADVISORY).findFirst().ifPresent(step ->
                                enqueueMail(tx, report, messages.mail(caseScope(c) + "/advisory", campaign, c, "advisory",
                                        NotificationKind.INITIAL, step.template("default"), messages.model(campaign, c, now),
                                        step.individualTo(), step.cc(), now)));
                    }
                }
                return null;
            });
        }
    }

    private Optional<Instant> ticketTime(Campaign campaign, ProcedureDefinition procedure) {
        Anchors anchors = campaignAnchors(campaign);
        return procedure.steps().stream().filter(s -> s.action() == StepAction.OPEN_TICKET).findFirst()
                .flatMap(s -> s.at().resolve(anchors, planner.calendar()));
    }

    private Anchors campaignAnchors(Campaign campaign) {
        return new Anchors().with(Anchor.ADVISORY, campaign.issuedAt()).with(Anchor.DETECTED, campaign.issuedAt())
                .with(Anchor.DEADLINE, campaign.deadline());
    }

    private Anchors caseAnchors(Campaign campaign, SiteCase c) {
        return new Anchors().with(Anchor.ADVISORY, campaign.issuedAt()).with(Anchor.DETECTED, c.detectedAt())
                .with(Anchor.DEADLINE, c.deadline()).with(Anchor.TICKET_OPENED, c.ticketOpenedAt());
    }

    static String campaignScope(Campaign c) { return "campaign:" + c.id(); }

    static String caseScope(SiteCase c) { return "case:" + c.id(); }

    // ---------------------------------------------------------------- campaign steps

    private void processCampaign(Tx tx, String id, Instant now, TickReport report) {
        Campaign campaign = tx.campaign(id).orElseThrow();
        ProcedureDefinition procedure = procedures.get(campaign.procedureId());
        String scope = campaignScope(campaign);
        Set<String> done = tx.executedSteps(scope);
        List<PlannedStep> pending = planner.schedule(procedure, campaignAnchors(campaign)).stream()
                .filter(p -> p.step().action().scope() == StepAction.Scope.CAMPAIGN && !done.contains(p.key())).toList();
        Instant next = null;
        for (PlannedStep p : pending) {
            if (p.at().isAfter(now)) {
                next = next == null || p.at().isBefore(next) ? p.at() : next;
                continue;
            }
            String outcome = switch (p.step().action()) {
                case HEADS_UP -> campaign.headsUp() ? campaignMail(tx, campaign, p, now, report) : "skipped: no heads-up requested";
                case ADVISORY -> advisory(tx, campaign, p, now, report);
                case OMB_SUMMARY -> ombSummary(tx, campaign, procedure, p, now, report);
                default -> throw new IllegalStateException(p.step().action() + " is not a campaign step");
            };
            tx.recordExecution(scope, p.key(), p.step().id(), p.section(), now, outcome);
            tx.audit(new AuditEntry(campaign.id(), null, null, now, ENGINE, p.step().id(), "SEC " + p.section() + ": " + outcome));
            report.count("step." + p.step().id());
        }
        tx.updateCampaign(campaign.withNextDueAt(next));
    }

    private String campaignMail(Tx tx, Campaign campaign, PlannedStep p, Instant now, TickReport report) {
        StepDefinition step = p.step();
        enqueueMail(tx, report, messages.mail(campaignScope(campaign) + "/" + p.key(), campaign, null, step.id(),
                step.notification(), step.template("default"), messages.model(campaign, null, now), step.to(), step.cc(), now));
        return "sent to " + step.to();
    }

    private String advisory(Tx tx, Campaign campaign, PlannedStep p, Instant now, TickReport report) {
        if (campaign.scope() == AdvisoryScope.LISTS) {
            return campaignMail(tx, campaign, p, now, report);
        }
        StepDefinition step = p.step();
        int n = 0;
        for (SiteCase c : tx.cases(campaign.id())) {
            if (c.isClosed()) continue;
            enqueueMail(tx, report, messages.mail(caseScope(c) + "/advisory", campaign, c, "advisory",
                    NotificationKind.INITIAL, step.template("default"), messages.model(campaign, c, now),
                    step.individualTo().isEmpty() ? step.to() : step.individualTo(), step.cc(), now));
            n++;
        }
        return "sent individually to " + n + " site(s)";
    }

    /** SEC03 2.6 and 4.1.2: the unfixed sites (checked now) with their response, plans and recommendation. */
    private String ombSummary(Tx tx, Campaign campaign, ProcedureDefinition procedure, PlannedStep p, Instant now, TickReport report) {
        List<Map<String, Object>> unfixed = new ArrayList<>();
        List<Map<String, Object>> accepted = new ArrayList<>();
        int tickets = 0;
        int fixed = 0;
        for (SiteCase c : tx.cases(campaign.id())) {
            if (c.ticketRef() != null) tickets++;
            if (c.status() == CaseStatus.ACCEPTED) {
                accepted.add(Map.of("name", c.site(), "ngi", messages.contacts(c.site()).ngi(),
                        "what", c.siteStatement() == null ? "" : c.siteStatement(), "decision", c.closeReason() == null ? "" : c.closeReason()));
                continue;
            }
            if (c.status() == CaseStatus.FIXED || c.status() == CaseStatus.NOT_AFFECTED) { fixed++; continue; }
            if (c.isClosed()) continue;
            if (status.of(c.site(), campaign.cves()).isFixed()) { fixed++; continue; }
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", c.site());
            s.put("ngi", messages.contacts(c.site()).ngi());
            s.put("deadline", messages.human(c.deadline()));
            s.put("response", c.siteStatement() != null ? "the site stated: " + c.siteStatement()
                    : c.acknowledgedAt() != null ? "acknowledged on " + messages.human(c.acknowledgedAt()) + ", no solution announced"
                    : "no response");
            s.put("plans", c.deadlineReason() != null ? "extension: " + c.deadlineReason() : "");
            s.put("decision", c.pendingDecision() == null ? "" : "awaiting the CSIRT's decision since "
                    + messages.human(c.pendingDecisionAt()) + ": " + c.pendingDecision());
            s.put("recommendSuspension", c.deadline().equals(campaign.deadline()) || !c.deadline().isAfter(campaign.deadline()));
            unfixed.add(s);
        }
        List<String> stepsTaken = new ArrayList<>();
        stepsTaken.add("Advisory issued " + messages.human(campaign.issuedAt()) + " with deadline " + messages.human(campaign.deadline())
                + (campaign.scope() == AdvisoryScope.LISTS ? ", sent to the site and NGI security contact lists" : ", sent to each site"));
        stepsTaken.add(tickets + " ticket(s) opened for sites still vulnerable 3 days before the deadline; daily checks and reminders");
        stepsTaken.add(fixed + " site(s) fixed so far; final warnings sent today to the " + unfixed.size() + " site(s) below");
        Map<String, Object> model = messages.model(campaign, null, now);
        model.put("unfixed", unfixed);
        model.put("accepted", accepted);
        model.put("stepsTaken", stepsTaken);
        StepDefinition step = p.step();
        enqueueMail(tx, report, messages.mail(campaignScope(campaign) + "/" + p.key(), campaign, null, "omb-summary",
                NotificationKind.NONE, step.template("default"), model, step.to(), step.cc(), now));
        return unfixed.isEmpty() ? "all sites updated: OMB informed" : unfixed.size() + " unfixed site(s) reported to the OMB";
    }

    // ---------------------------------------------------------------- site steps

    private void processCase(Tx tx, long id, Instant now, TickReport report) {
        Optional<SiteCase> found = tx.caseForUpdate(id);
        if (found.isEmpty()) return;
        SiteCase c = found.get();
        Campaign campaign = tx.campaign(c.campaignId()).orElseThrow();
        if (c.isClosed() || campaign.status() != CampaignStatus.ACTIVE) {
            c.setNextDueAt(null);
            tx.updateCase(c);
            return;
        }
        ProcedureDefinition procedure = procedures.get(c.procedureId());
        String scope = caseScope(c);
        if (c.followUp() != null && !c.followUpAt().isAfter(now)) {
            replies.followUp(tx, campaign, procedure, c, now, report);
        }
        Set<String> done = new java.util.HashSet<>(tx.executedSteps(scope));
        Instant deferredUntil = null;
        // Anchors change as steps run (the ticket opens), so plan again until nothing more is due.
        for (int pass = 0; pass < 10 && !c.isClosed(); pass++) {
            List<PlannedStep> due = dueSiteSteps(tx, procedure, campaign, c, done, now);
            if (due.isEmpty()) break;
            for (PlannedStep p : due) {
                if (c.isClosed()) break;
                StepResult result = runSiteStep(tx, campaign, procedure, c, p, now, report);
                if (result.deferredUntil != null) {
                    deferredUntil = result.deferredUntil;
                    done.add(p.key());   // not recorded: it runs again when deferredUntil comes
                    continue;
                }
                done.add(p.key());
                tx.recordExecution(scope, p.key(), p.step().id(), p.section(), now, result.outcome);
                tx.audit(new AuditEntry(campaign.id(), c.id(), c.site(), now, ENGINE, p.step().id(),
                        "SEC " + p.section() + ": " + result.outcome));
                report.count("step." + p.step().id() + (result.outcome.startsWith("skipped") ? ".skipped" : ""));
            }
        }
        c.setNextDueAt(c.isClosed() ? null : nextDue(procedure, campaign, c, tx.executedSteps(scope), now, deferredUntil));
        tx.updateCase(c);
    }

    /**
     * Due occurrences; of a repeating step only the latest due one runs (after an outage, one reminder,
     * not five): the earlier ones are recorded as superseded.
     */
    private List<PlannedStep> dueSiteSteps(Tx tx, ProcedureDefinition procedure, Campaign campaign, SiteCase c,
                                           Set<String> done, Instant now) {
        List<PlannedStep> due = new ArrayList<>();
        Map<String, PlannedStep> latestRepeat = new HashMap<>();
        List<PlannedStep> repeats = new ArrayList<>();
        for (PlannedStep p : planner.schedule(procedure, caseAnchors(campaign, c))) {
            if (p.step().action().scope() != StepAction.Scope.SITE || done.contains(p.key()) || p.at().isAfter(now)) continue;
            if (p.step().repeat().isPresent()) {
                latestRepeat.merge(p.step().id(), p, (a, b) -> a.at().isAfter(b.at()) ? a : b);
                repeats.add(p);
            } else {
                due.add(p);
            }
        }
        for (PlannedStep p : repeats) {
            if (latestRepeat.get(p.step().id()) != p) {
                done.add(p.key());
                tx.recordExecution(caseScope(c), p.key(), p.step().id(), p.section(), now,
                        "skipped: superseded by the occurrence at " + latestRepeat.get(p.step().id()).at());
            }
        }
        due.addAll(latestRepeat.values());
        due.sort(java.util.Comparator.comparing(PlannedStep::at).thenComparing(p -> procedure.steps().indexOf(p.step())));
        return due;
    }

    private Instant nextDue(ProcedureDefinition procedure, Campaign campaign, SiteCase c, Set<String> done, Instant now, Instant deferredUntil) {
        Instant next = deferredUntil;
        if (c.followUpAt() != null && (next == null || c.followUpAt().isBefore(next))) next = c.followUpAt();
        for (PlannedStep p : planner.schedule(procedure, caseAnchors(campaign, c))) {
            if (p.step().action().scope() != StepAction.Scope.SITE || done.contains(p.key()) || !p.at().isAfter(now)) continue;
            if (next == null || p.at().isBefore(next)) next = p.at();
        }
        return next;
    }

    private record StepResult(String outcome, Instant deferredUntil) {
        static StepResult done(String outcome) { return new StepResult(outcome, null); }
    }

    private StepResult runSiteStep(Tx tx, Campaign campaign, ProcedureDefinition procedure, SiteCase c, PlannedStep p,
                                   Instant now, TickReport report) {
        StepDefinition step = p.step();
        for (Condition condition : step.when()) {
            boolean holds = switch (condition) {
                case NO_ACKNOWLEDGEMENT -> c.acknowledgedAt() == null;
                case ACKNOWLEDGED -> c.acknowledgedAt() != null;
            };
            if (!holds) return StepResult.done("skipped: " + condition.name().toLowerCase().replace('_', '-') + " does not hold");
        }
        boolean needsTicket = step.action() != StepAction.OPEN_TICKET && procedure.opensTicket();
        if (needsTicket && c.ticketRef() == null) {
            return StepResult.done("skipped: no ticket was opened");
        }
        if ((step.action() == StepAction.CHECK || step.action() == StepAction.REMINDER || step.action() == StepAction.PROGRESS_CHECK)
                && c.ticketOpenedAt() != null && !p.at().isAfter(c.ticketOpenedAt())) {
            return StepResult.done("skipped: not before the ticket it reminds of");
        }
        Vulnerability v = status.of(c.site(), campaign.cves());
        String key = caseScope(c) + "/" + p.key();
        Map<String, Object> model = messages.model(campaign, c, now);
        switch (step.action()) {
            case OPEN_TICKET -> {
                if (c.ticketRef() != null) return StepResult.done("skipped: ticket " + c.ticketRef() + " already open");
                if (v.isFixed()) {
                    c.close(CaseStatus.NOT_AFFECTED, now, "not vulnerable when the ticket was due");
                    report.count("case.not-affected");
                    return StepResult.done("not vulnerable any more (" + v.observedAt() + "): no ticket needed");
                }
                c.openTicket(Messages.ticketKey(c), now);
                model.put("ticket", c.ticketRef());
                OutboxEntry mail = messages.mail(key, campaign, c, "ticket", step.notification(), step.template("default"),
                        model, step.to(), step.cc(), now);
                ticketMessage(tx, report, key, mail, "create", c);
                report.count("ticket.opened");
                return StepResult.done("ticket " + c.ticketRef() + " opened, due " + c.deadline() + statusNote(v));
            }
            case CHECK, REMINDER, FINAL_WARNING, OMB_NOTICE -> {
                if (v.isFixed()) return StepResult.done(closeFixed(tx, campaign, procedure, c, key, v, now, report));
                String kind = step.notification() == NotificationKind.FINAL_WARNING ? "final-warning"
                        : step.action() == StepAction.OMB_NOTICE ? "omb-notice" : "reminder";
                OutboxEntry mail = messages.mail(key, campaign, c, kind, step.notification(), step.template("vulnerable"),
                        model, step.to(), step.cc(), now);
                if (step.action() == StepAction.OMB_NOTICE) {
                    enqueueMail(tx, report, mail);
                } else {
                    ticketMessage(tx, report, key, mail, "correspond", c);
                }
                return StepResult.done(kind + " sent" + statusNote(v));
            }
            case PROGRESS_CHECK -> {
                String variant = v.isFixed() ? "fixed" : "vulnerable";
                OutboxEntry mail = messages.mail(key, campaign, c, v.isFixed() ? "confirm-fixed" : "insist",
                        step.notification(), step.template(variant), model, step.to(), step.cc(), now);
                ticketMessage(tx, report, key, mail, "correspond", c);
                return StepResult.done(v.isFixed() ? "vulnerability gone: asked to confirm it is fixed, not an unreached node"
                        : "still vulnerable: insisted on an update");
            }
            case PROPOSE_SUSPENSION -> {
                return proposeSuspension(tx, campaign, procedure, c, step, key, v, model, now, report);
            }
            default -> throw new IllegalStateException(step.action() + " is not a site step");
        }
    }

    private static String statusNote(Vulnerability v) {
        return v.state() == Vulnerability.State.UNKNOWN ? " (no monitoring data for the site: treated as vulnerable)"
                : " (" + v.vulnerableHosts() + " vulnerable host(s) at " + v.observedAt() + ")";
    }

    /** SEC03 2.5: "Thank you for addressing this problem", and the ticket is closed. */
    String closeFixed(Tx tx, Campaign campaign, ProcedureDefinition procedure, SiteCase c, String key,
                              Vulnerability v, Instant now, TickReport report) {
        c.close(CaseStatus.FIXED, now, "fixed according to the monitoring at " + v.observedAt());
        OutboxEntry mail = messages.mail(key + "/closed", campaign, c, "ticket-closed", NotificationKind.NONE,
                procedure.text("ticket-closed"), messages.model(campaign, c, now), closeRecipients(procedure), List.of(), now);
        ticketMessage(tx, report, key + "/closed", mail, "resolve", c);
        report.count("case.fixed");
        return "fixed: ticket closed with thanks";
    }

    ProcedureDefinition procedure(SiteCase c) {
        return procedures.get(c.procedureId());
    }

    /** Who a case's ticket messages go to: the ticket's own addressees. */
    List<Role> closeRecipients(ProcedureDefinition procedure) {
        return procedure.steps().stream().filter(s -> s.action() == StepAction.OPEN_TICKET).findFirst()
                .map(StepDefinition::to).orElse(List.of(Role.SITE_SECURITY));
    }

    private StepResult proposeSuspension(Tx tx, Campaign campaign, ProcedureDefinition procedure, SiteCase c, StepDefinition step,
                                         String key, Vulnerability v, Map<String, Object> model, Instant now, TickReport report) {
        if (v.isFixed()) return StepResult.done(closeFixed(tx, campaign, procedure, c, key, v, now, report));
        SuspensionProof.Result proof = SuspensionProof.check(tx.notifications(c.id(), campaign.id()), procedure.suspension(), now);
        if (proof.verdict() == SuspensionProof.Verdict.WAIT) {
            Instant retry = proof.earliest() != null ? proof.earliest() : now.plus(settings.retryInterval());
            report.count("suspension.deferred");
            return new StepResult(null, retry);
        }
        model.put("notifications", describe(proof));
        model.put("blocked", proof.allowed() ? "" : proof.reason());
        if (!proof.allowed()) {
            enqueueMail(tx, report, messages.mail(key + "/blocked", campaign, c, "decision-needed", NotificationKind.NONE,
                    step.template("default"), model, step.to(), step.cc(), now));
            report.count("suspension.blocked");
            return StepResult.done("suspension not possible: " + proof.reason() + "; the officer is asked to decide");
        }
        c.proposeSuspension(now);
        report.count("suspension.proposed");
        if (procedure.suspension().autoSuspend()) {
            suspend(tx, campaign, procedure, c, "deadline " + messages.human(c.deadline()) + " passed and the site is still vulnerable"
                    + " (auto-suspend)", ENGINE, now, report);
            return StepResult.done("suspension proposed and carried out (auto-suspend): " + proof.reason());
        }
        enqueueMail(tx, report, messages.mail(key, campaign, c, "decision-needed", NotificationKind.NONE,
                step.template("default"), model, step.to(), step.cc(), now));
        return StepResult.done("suspension proposed: " + proof.reason());
    }

    private List<String> describe(SuspensionProof.Result proof) {
        List<String> out = new ArrayList<>();
        for (var n : proof.counted()) {
            out.add(messages.human(n.deliveredAt()) + " - " + n.kind() + (n.individual() ? " (individual)" : " (by list)")
                    + " - " + n.subject());
        }
        if (out.isEmpty()) out.add("none delivered");
        return out;
    }

    /**
     * SEC03 4.2 and 4.5: the OMB is told of the decision and why, the site that suspension is about to be
     * carried out. Then either the coordinator is asked to suspend the site in the GOCDB portal (GOCDB
     * has no API for it) and the suspension counts once GOCDB shows it, or, with no GOCDB connected,
     * it counts at once and the GOCDB action waits in the outbox for the coordinator to see.
     */
    private void suspend(Tx tx, Campaign campaign, ProcedureDefinition procedure, SiteCase c, String reason, String actor,
                         Instant now, TickReport report) {
        String key = caseScope(c) + "/suspension";
        Map<String, Object> model = messages.model(campaign, c, now);
        model.put("reason", reason);
        model.put("suspendedAt", messages.human(now));
        enqueueMail(tx, report, messages.mail(key + "/omb", campaign, c, "suspension-decision", NotificationKind.NONE,
                procedure.text("suspension-decision"), model, List.of(Role.OMB), List.of(), now));
        OutboxEntry notice = messages.mail(key + "/site", campaign, c, "suspension-notice", NotificationKind.NONE,
                procedure.text("suspension-notice"), model, closeRecipients(procedure), List.of(), now);
        ticketMessage(tx, report, key + "/site", notice, "resolve", c);
        String shortReason = reason.length() > 300 ? reason.substring(0, 297) + "..." : reason;
        if (settings.suspensionConfirmation() == EngineSettings.SuspensionConfirmation.GOCDB) {
            c.requestSuspension(now, reason);
            model.put("reason", shortReason);
            OutboxEntry request = messages.mail(key + "/request", campaign, c, "suspension-request", NotificationKind.NONE,
                    procedure.text("suspension-request"), model, List.of(Role.COORDINATOR), List.of(Role.CSIRT), now);
            enqueueMail(tx, report, request);
            tx.audit(new AuditEntry(campaign.id(), c.id(), c.site(), now, actor, "suspension-requested",
                    "the coordinator is asked to suspend the site in GOCDB: " + shortReason));
            report.count("case.suspension-requested");
            return;
        }
        tx.enqueue(messages.action(key, campaign, c, Channel.GOCDB, "suspension", "suspend", "Suspend " + c.site(), shortReason, now));
        carriedOut(tx, campaign, procedure, c, now, actor, reason, now, report);
    }

    /** SEC03 4.5 and 6.4: the suspension is done: the wiki record, and the OMB and COO told name, date-time and reason. */
    private void carriedOut(Tx tx, Campaign campaign, ProcedureDefinition procedure, SiteCase c, Instant at, String changedBy,
                            String reason, Instant now, TickReport report) {
        c.suspend(at, reason);
        String key = caseScope(c) + "/suspension";
        Map<String, Object> model = messages.model(campaign, c, now);
        model.put("reason", reason);
        model.put("suspendedAt", messages.human(at));
        tx.enqueue(messages.action(key, campaign, c, Channel.WIKI, "suspension", "append",
                "Underperforming_sites_and_suspensions",
                "* " + c.site() + " (" + messages.contacts(c.site()).ngi() + ") suspended " + at + " by " + changedBy
                        + " - advisory " + campaign.id() + " (" + campaign.cveList() + ") - " + reason + " - ticket " + c.ticketRef(), now));
        enqueueMail(tx, report, messages.mail(key + "/carried-out", campaign, c, "suspension-carried-out", NotificationKind.NONE,
                procedure.text("suspension-carried-out"), model, List.of(Role.OMB, Role.COO), List.of(), now));
        tx.audit(new AuditEntry(campaign.id(), c.id(), c.site(), now, changedBy, "suspended", "at " + at + ": " + reason));
        report.count("case.suspended");
    }

    /**
     * SEC03 4.5 (GOCDB mode): for each requested suspension, asks GOCDB whether the site is Suspended;
     * if so, records it with GOCDB's date-time and "changed by"; if the coordinator has not done it in
     * time, reminds them.
     */
    public synchronized TickReport checkRequestedSuspensions(eu.egi.csirt.cvh.port.CertificationCheck gocdb) {
        Instant now = clock.instant();
        TickReport report = new TickReport();
        for (Campaign campaign : store.inTransaction(Tx::campaigns)) {
            for (SiteCase requested : store.inTransaction(tx -> tx.cases(campaign.id(), CaseStatus.SUSPENSION_REQUESTED))) {
                var change = gocdb.changedTo(requested.site(), "Suspended", requested.suspensionRequestedAt());
                store.inTransaction(tx -> {
                    SiteCase c = tx.caseForUpdate(requested.id()).orElseThrow();
                    if (c.status() != CaseStatus.SUSPENSION_REQUESTED) return null;
                    ProcedureDefinition procedure = procedures.get(c.procedureId());
                    if (change.isPresent()) {
                        carriedOut(tx, campaign, procedure, c, change.get().at(), change.get().changedBy(), c.closeReason(), now, report);
                    } else {
                        Instant last = c.coordinatorRemindedAt() != null ? c.coordinatorRemindedAt() : c.suspensionRequestedAt();
                        if (!now.isBefore(last.plus(settings.coordinatorReminder()))) {
                            Map<String, Object> model = messages.model(campaign, c, now);
                            model.put("reason", c.closeReason());
                            model.put("requestedAt", messages.human(c.suspensionRequestedAt()));
                            enqueueMail(tx, report, messages.mail(caseScope(c) + "/suspension/reminder@" + now, campaign, c,
                                    "suspension-request-reminder", NotificationKind.NONE, procedure.text("suspension-request-reminder"),
                                    model, List.of(Role.COORDINATOR), List.of(Role.CSIRT), now));
                            c.coordinatorReminded(now);
                            tx.audit(new AuditEntry(campaign.id(), c.id(), c.site(), now, ENGINE, "coordinator-reminded",
                                    "GOCDB does not show " + c.site() + " Suspended yet"));
                        }
                    }
                    tx.updateCase(c);
                    return null;
                });
            }
        }
        return report;
    }

    /**
     * A message about a site's ticket. With RT connected, RT sends it (its correspondence carries RT's
     * subject tag, so replies thread into the ticket) and the RT action is what counts for SEC03 5.4;
     * otherwise it is mailed directly and the RT action waits in the outbox.
     */
    void ticketMessage(Tx tx, TickReport report, String key, OutboxEntry mail, String operation, SiteCase c) {
        mail = withOperationalIfBounced(tx, mail);
        if (settings.ticketMailViaRt()) {
            if (tx.enqueue(messages.ticket(key, mail, operation, c, mail.notification()))) {
                report.count("mail." + mail.kind());
            }
        } else {
            enqueueMail(tx, report, mail);
            tx.enqueue(messages.ticket(key, mail, operation, c, NotificationKind.NONE));
        }
    }

    void enqueueMail(Tx tx, TickReport report, OutboxEntry mail) {
        if (tx.enqueue(withOperationalIfBounced(tx, mail))) {
            report.count("mail." + mail.kind());
        }
    }

    /**
     * Seed 002 2a: once a contact of the site has bounced, the site's mails also go to its operational
     * contacts (the bounced address stays: a mailbox may come back).
     */
    private OutboxEntry withOperationalIfBounced(Tx tx, OutboxEntry mail) {
        if (mail.site() == null || mail.channel() != Channel.MAIL && mail.channel() != Channel.RT) return mail;
        Set<String> invalid = tx.invalidContacts(mail.site());
        if (invalid.isEmpty()) return mail;
        boolean bouncedRecipient = java.util.stream.Stream.concat(mail.to().stream(), mail.cc().stream())
                .anyMatch(a -> invalid.contains(a.toLowerCase(java.util.Locale.ROOT)));
        if (!bouncedRecipient) return mail;
        List<String> to = new ArrayList<>(mail.to());
        for (String a : messages.contacts(mail.site()).operational()) {
            if (!to.contains(a) && !invalid.contains(a.toLowerCase(java.util.Locale.ROOT))) to.add(a);
        }
        return mail.withRecipients(List.copyOf(to), mail.cc());
    }

    // ---------------------------------------------------------------- replies

    /**
     * Acts on one stored reply, once: its effect and its record commit together, and a reply already
     * processed (a replay after a crash) changes nothing.
     */
    public synchronized InboundReply.Outcome handleReply(InboundReply reply) {
        Instant now = clock.instant();
        TickReport report = new TickReport();
        return store.inTransaction(tx -> {
            if (!tx.claimReply(reply.id())) {
                return new InboundReply.Outcome(InboundReply.Status.PROCESSED, null, "already processed", null);
            }
            InboundReply.Outcome outcome = replies.handle(tx, reply, now, report);
            tx.finishReply(reply.id(), reply, outcome, now);
            return outcome;
        });
    }

    /**
     * The officer settles a held or unmatched reply: it belongs to this case and means this (the
     * officer's word replaces the sender check and the classifier's confidence), and it takes effect
     * as any reply does, once.
     */
    public synchronized InboundReply.Outcome settleHeldReply(InboundReply reply, String actor) {
        Instant now = clock.instant();
        TickReport report = new TickReport();
        return store.inTransaction(tx -> {
            if (!tx.claimHeldReply(reply.id())) throw new DecisionRefusedException("reply " + reply.id() + " is not waiting for the officer");
            if (reply.match().isEmpty() || !reply.match().get().isCase()) throw new DecisionRefusedException("say which site the reply is from");
            InboundReply.Outcome outcome = replies.handleConfirmed(tx, reply, actor, now, report);
            tx.finishReply(reply.id(), reply, outcome, now);
            return outcome;
        });
    }

    /** The officer sets a held or unmatched reply aside; on its case, the question it raised is closed. */
    public synchronized InboundReply.Outcome dismissHeldReply(InboundReply reply, String reason, String actor) {
        Instant now = clock.instant();
        return store.inTransaction(tx -> {
            if (!tx.claimHeldReply(reply.id())) throw new DecisionRefusedException("reply " + reply.id() + " is not waiting for the officer");
            var ref = reply.match().filter(ReplyCases.CaseRef::isCase).orElse(null);
            if (ref != null) {
                tx.caseForUpdate(ref.caseId()).ifPresent(c -> {
                    tx.audit(new AuditEntry(c.campaignId(), c.id(), c.site(), now, actor, "reply-dismissed",
                            "reply " + reply.id() + " from " + reply.sender() + " set aside: " + reason));
                });
            }
            InboundReply.Outcome outcome = new InboundReply.Outcome(InboundReply.Status.DISMISSED, ref, "set aside by " + actor + ": " + reason, null);
            tx.finishReply(reply.id(), reply, outcome, now);
            return outcome;
        });
    }

    // ---------------------------------------------------------------- decisions

    /** Applies a decision, checked against the procedure; refused with a reason otherwise. */
    public synchronized String decide(Decision decision) {
        Instant now = clock.instant();
        TickReport report = new TickReport();
        return store.inTransaction(tx -> {
            Campaign campaign = tx.campaign(decision.campaignId())
                    .orElseThrow(() -> new DecisionRefusedException("no campaign '" + decision.campaignId() + "'"));
            SiteCase c = tx.latestCase(campaign.id(), decision.site())
                    .orElseThrow(() -> new DecisionRefusedException("site '" + decision.site() + "' is not part of campaign " + campaign.id()));
            c = tx.caseForUpdate(c.id()).orElseThrow();
            ProcedureDefinition procedure = procedures.get(c.procedureId());
            String outcome = apply(tx, campaign, procedure, c, decision, now, report);
            if (!(decision instanceof Decision.SiteReply) && !(decision instanceof Decision.ReinstatementRequest)) {
                c.decisionTaken();
            }
            c.setNextDueAt(c.isClosed() ? null : now);
            tx.updateCase(c);
            tx.audit(new AuditEntry(campaign.id(), c.id(), c.site(), now, decision.actor(),
                    "decision-" + decision.getClass().getSimpleName(), outcome));
            return outcome;
        });
    }

    private String apply(Tx tx, Campaign campaign, ProcedureDefinition procedure, SiteCase c, Decision decision,
                         Instant now, TickReport report) {
        String key = caseScope(c) + "/decision";
        if (decision instanceof Decision.Extend d) {
            requireOpen(c, "extend the deadline");
            if (!d.newDeadline().isAfter(now)) throw new DecisionRefusedException("the new deadline " + d.newDeadline() + " is not in the future");
            if (!d.newDeadline().isAfter(c.deadline())) throw new DecisionRefusedException("the new deadline " + d.newDeadline()
                    + " is not after the current one " + c.deadline());
            c.setDeadline(d.newDeadline(), d.reason() + " (granted by " + d.grantedBy() + ")");
            if (c.status() == CaseStatus.SUSPENSION_PROPOSED) c.reopen();
            Map<String, Object> model = messages.model(campaign, c, now);
            model.put("reason", d.reason());
            model.put("decidedBy", d.grantedBy());
            OutboxEntry mail = messages.mail(key + "/extension@" + d.newDeadline(), campaign, c, "extension", NotificationKind.NONE,
                    procedure.text("extension"), model, closeRecipients(procedure), List.of(), now);
            if (c.ticketRef() != null) {
                ticketMessage(tx, report, key + "/extension@" + d.newDeadline(), mail, "set-due", c);
            } else {
                enqueueMail(tx, report, mail);
            }
            return "deadline extended to " + d.newDeadline() + " by " + d.grantedBy() + " (SEC03 4.3): " + d.reason();
        }
        if (decision instanceof Decision.Veto d) {
            requireOpen(c, "record a veto");
            withdrawSuspensionRequest(tx, campaign, procedure, c, key, "veto by " + d.by() + ": " + d.reason(), now, report);
            c.close(CaseStatus.VETOED, now, "veto by " + d.by() + ": " + d.reason());
            return "no suspension: veto by " + d.by() + " (SEC03 4.4): " + d.reason();
        }
        if (decision instanceof Decision.CancelSuspension d) {
            requireOpen(c, "cancel the suspension");
            if (c.status() != CaseStatus.SUSPENSION_PROPOSED && c.status() != CaseStatus.SUSPENSION_REQUESTED) {
                throw new DecisionRefusedException(c.site() + " is " + c.status() + ": no suspension is proposed or requested to cancel"
                        + " (to stop the procedure for it, accept a mitigation or explanation, or record a veto)");
            }
            withdrawSuspensionRequest(tx, campaign, procedure, c, key, d.reason(), now, report);
            c.close(CaseStatus.CANCELLED, now, d.reason());
            return "suspension cancelled by the CSIRT: " + d.reason();
        }
        if (decision instanceof Decision.Accept d) {
            requireOpen(c, "accept a mitigation or explanation");
            c.close(CaseStatus.ACCEPTED, now, "accepted by CSIRT: " + d.what());
            return "accepted (SEC03 7.2): " + d.what();
        }
        if (decision instanceof Decision.Refuse d) {
            requireOpen(c, "refuse");
            if (c.pendingDecision() == null) throw new DecisionRefusedException("nothing to refuse: no reply of " + c.site() + " awaits a decision");
            Map<String, Object> model = messages.model(campaign, c, now);
            model.put("reason", d.reason());
            model.put("statement", c.siteStatement() == null ? "" : c.siteStatement());
            OutboxEntry mail = messages.mail(key + "/refused@" + now, campaign, c, "refused", NotificationKind.NONE,
                    procedure.text("refused"), model, closeRecipients(procedure), List.of(), now);
            if (c.ticketRef() != null) {
                ticketMessage(tx, report, key + "/refused@" + now, mail, "correspond", c);
            } else {
                enqueueMail(tx, report, mail);
            }
            c.clearFollowUp();
            c.setSiteStatement((c.siteStatement() == null ? "" : c.siteStatement() + " - ") + "not accepted by the CSIRT: " + d.reason());
            return "not accepted (SEC03 7.3), site told; the deadline " + c.deadline() + " stands: " + d.reason();
        }
        if (decision instanceof Decision.ConfirmSuspension d) {
            if (c.status() != CaseStatus.SUSPENSION_PROPOSED) {
                throw new DecisionRefusedException(c.site() + " is " + c.status() + ", not SUSPENSION_PROPOSED: nothing to confirm");
            }
            SuspensionProof.Result proof = SuspensionProof.check(tx.notifications(c.id(), campaign.id()), procedure.suspension(), now);
            if (!proof.allowed()) throw new DecisionRefusedException("suspension refused: " + proof.reason());
            suspend(tx, campaign, procedure, c, d.reason(), d.actor(), now, report);
            return "suspended (SEC03 4.5): " + d.reason();
        }
        if (decision instanceof Decision.ReinstatementRequest d) {
            if (c.status() != CaseStatus.SUSPENDED) throw new DecisionRefusedException(c.site() + " is not suspended");
            Vulnerability v = status.of(c.site(), campaign.cves());
            Map<String, Object> model = messages.model(campaign, c, now);
            model.put("vulnerable", !v.isFixed());
            model.put("checkedAt", v.observedAt() == null ? "no data" : messages.human(v.observedAt()));
            enqueueMail(tx, report, messages.mail(key + "/reinstatement@" + now, campaign, c, "reinstatement", NotificationKind.NONE,
                    procedure.text("reinstatement"), model, List.of(Role.ROD),
                    List.of(Role.CSIRT), now));
            return v.isFixed() ? "ROD told: no objection to certification (SEC03 4.6)" : "ROD told: site still vulnerable (SEC03 4.6)";
        }
        if (decision instanceof Decision.SiteReply d) {
            if (!d.intent().isResponse()) return "reply not counted as a response: " + d.intent();
            c.acknowledge(now);
            if (d.intent() != ReplyIntent.ACKNOWLEDGED && d.text() != null && !d.text().isBlank()) {
                c.setSiteStatement(d.intent().label() + ": " + d.text());
            }
            if (d.intent() == ReplyIntent.FIXED && !c.isClosed()) {
                Vulnerability v = status.of(c.site(), campaign.cves());
                if (v.isFixed()) return "site says fixed; monitoring agrees: " + closeFixed(tx, campaign, procedure, c, key + "/reply@" + now, v, now, report);
                return "site says fixed; monitoring does not confirm yet, checks continue";
            }
            return "site response recorded: " + d.intent();
        }
        throw new IllegalArgumentException("unknown decision " + decision);
    }

    /** SEC03 4.4: once the coordinator was asked to suspend in GOCDB, calling it off must reach them too. */
    private void withdrawSuspensionRequest(Tx tx, Campaign campaign, ProcedureDefinition procedure, SiteCase c, String key, String reason,
                                           Instant now, TickReport report) {
        if (c.status() != CaseStatus.SUSPENSION_REQUESTED) return;
        Map<String, Object> model = messages.model(campaign, c, now);
        model.put("reason", reason);
        enqueueMail(tx, report, messages.mail(key + "/request-withdrawn@" + now, campaign, c, "suspension-request-cancelled",
                NotificationKind.NONE, procedure.text("suspension-request-cancelled"), model, List.of(Role.COORDINATOR),
                List.of(Role.CSIRT), now));
    }

    private static void requireOpen(SiteCase c, String what) {
        if (c.isClosed()) {
            throw new DecisionRefusedException("cannot " + what + ": " + c.site() + " is already " + c.status());
        }
    }
}
