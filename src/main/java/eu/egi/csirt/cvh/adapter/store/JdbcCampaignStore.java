package eu.egi.csirt.cvh.adapter.store;

import eu.egi.csirt.cvh.domain.campaign.AdvisoryScope;
import eu.egi.csirt.cvh.domain.campaign.AuditEntry;
import eu.egi.csirt.cvh.domain.campaign.Campaign;
import eu.egi.csirt.cvh.domain.campaign.CampaignStatus;
import eu.egi.csirt.cvh.domain.campaign.CaseStatus;
import eu.egi.csirt.cvh.domain.campaign.Channel;
import eu.egi.csirt.cvh.domain.campaign.Notification;
import eu.egi.csirt.cvh.domain.campaign.OutboxEntry;
import eu.egi.csirt.cvh.domain.campaign.SiteCase;
import eu.egi.csirt.cvh.domain.engine.InboundReply;
import eu.egi.csirt.cvh.domain.procedure.NotificationKind;
import eu.egi.csirt.cvh.port.CampaignStore;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static eu.egi.csirt.cvh.adapter.store.Sql.instant;
import static eu.egi.csirt.cvh.adapter.store.Sql.query;
import static eu.egi.csirt.cvh.adapter.store.Sql.update;

/** Campaign state in any JDBC database. Actions for channels without a connector are stored as NO_CONNECTOR. */
public final class JdbcCampaignStore implements CampaignStore {

    private static final String CASE_COLUMNS = "id, campaign_id, site, procedure_id, case_round, status, detected_at, deadline_at,"
            + " deadline_reason, ticket_ref, ticket_opened_at, acknowledged_at, site_statement, suspension_proposed_at,"
            + " suspension_requested_at, coordinator_reminded_at, suspended_at, closed_at, close_reason, next_due_at,"
            + " fix_claimed_at, follow_up, follow_up_at, pending_decision, pending_decision_at";

    private final Database database;
    private final Set<Channel> connected;

    /** @param connected the channels that have a connector; others' actions wait as NO_CONNECTOR */
    public JdbcCampaignStore(Database database, Set<Channel> connected) {
        this.database = database;
        this.connected = Set.copyOf(connected);
    }

    @Override
    public <T> T inTransaction(Function<Tx, T> work) {
        return database.inTransaction(c -> work.apply(new JdbcTx(c)));
    }

    private final class JdbcTx implements Tx {
        private final Connection c;

        JdbcTx(Connection c) { this.c = c; }

        @Override
        public Optional<Campaign> campaign(String id) {
            return query(c, "SELECT * FROM campaign WHERE id = ?", JdbcCampaignStore::campaign, id).stream().findFirst();
        }

        @Override
        public List<Campaign> campaigns() {
            return query(c, "SELECT * FROM campaign ORDER BY issued_at, id", JdbcCampaignStore::campaign);
        }

        @Override
        public void insertCampaign(Campaign k) {
            update(c, "INSERT INTO campaign (id, title, procedure_id, cves, advisory_url, advisory_text, issued_at, deadline_at,"
                            + " scope, heads_up, status, next_due_at, source, mitigations) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    k.id(), k.title(), k.procedureId(), String.join(",", k.cves()), k.advisoryUrl(), k.advisoryText(),
                    k.issuedAt(), k.deadline(), k.scope(), k.headsUp(), k.status(), k.nextDueAt(), k.source(),
                    String.join("\n", k.mitigations()));
        }

        @Override
        public void updateCampaign(Campaign k) {
            update(c, "UPDATE campaign SET status = ?, next_due_at = ? WHERE id = ?", k.status(), k.nextDueAt(), k.id());
        }

        @Override
        public List<String> campaignsDue(Instant now) {
            return query(c, "SELECT id FROM campaign WHERE status = 'ACTIVE' AND next_due_at <= ? ORDER BY next_due_at",
                    rs -> rs.getString(1), now);
        }

        @Override
        public List<SiteCase> cases(String campaignId) {
            return query(c, "SELECT " + CASE_COLUMNS + " FROM site_case WHERE campaign_id = ? ORDER BY site, case_round",
                    JdbcCampaignStore::siteCase, campaignId);
        }

        @Override
        public List<SiteCase> cases(String campaignId, CaseStatus status) {
            return query(c, "SELECT " + CASE_COLUMNS + " FROM site_case WHERE campaign_id = ? AND status = ? ORDER BY site, case_round",
                    JdbcCampaignStore::siteCase, campaignId, status);
        }

        @Override
        public List<Long> casesDue(Instant now, int limit) {
            return query(c, "SELECT s.id FROM site_case s JOIN campaign k ON k.id = s.campaign_id"
                            + " WHERE s.next_due_at <= ? AND k.status = 'ACTIVE' ORDER BY s.next_due_at, s.id FETCH FIRST " + limit + " ROWS ONLY",
                    rs -> rs.getLong(1), now);
        }

        @Override
        public Optional<SiteCase> caseForUpdate(long id) {
            return query(c, "SELECT " + CASE_COLUMNS + " FROM site_case WHERE id = ?", JdbcCampaignStore::siteCase, id)
                    .stream().findFirst();
        }

        @Override
        public Optional<SiteCase> latestCase(String campaignId, String site) {
            return query(c, "SELECT " + CASE_COLUMNS + " FROM site_case WHERE campaign_id = ? AND site = ? ORDER BY case_round DESC",
                    JdbcCampaignStore::siteCase, campaignId, site).stream().findFirst();
        }

        @Override
        public void insertCase(SiteCase s) {
            long id = Sql.insert(c, "INSERT INTO site_case (campaign_id, site, procedure_id, case_round, status, detected_at, deadline_at,"
                            + " next_due_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    s.campaignId(), s.site(), s.procedureId(), s.round(), s.status(), s.detectedAt(), s.deadline(), s.nextDueAt());
            s.assignId(id);
        }

        @Override
        public void updateCase(SiteCase s) {
            update(c, "UPDATE site_case SET status = ?, deadline_at = ?, deadline_reason = ?, ticket_ref = ?, ticket_opened_at = ?,"
                            + " acknowledged_at = ?, site_statement = ?, suspension_proposed_at = ?, suspension_requested_at = ?,"
                            + " coordinator_reminded_at = ?, suspended_at = ?, closed_at = ?, close_reason = ?, next_due_at = ?,"
                            + " fix_claimed_at = ?, follow_up = ?, follow_up_at = ?, pending_decision = ?, pending_decision_at = ? WHERE id = ?",
                    s.status(), s.deadline(), s.deadlineReason(), s.ticketRef(), s.ticketOpenedAt(), s.acknowledgedAt(),
                    s.siteStatement(), s.suspensionProposedAt(), s.suspensionRequestedAt(), s.coordinatorRemindedAt(),
                    s.suspendedAt(), s.closedAt(), s.closeReason(), s.nextDueAt(),
                    s.fixClaimedAt(), s.followUp(), s.followUpAt(), truncate(s.pendingDecision(), 4000), s.pendingDecisionAt(), s.id());
        }

        @Override
        public Set<String> executedSteps(String scope) {
            return new HashSet<>(query(c, "SELECT step_key FROM step_execution WHERE scope_key = ?", rs -> rs.getString(1), scope));
        }

        @Override
        public boolean recordExecution(String scope, String stepKey, String stepId, String section, Instant at, String outcome) {
            if (!query(c, "SELECT 1 FROM step_execution WHERE scope_key = ? AND step_key = ?", rs -> 1, scope, stepKey).isEmpty()) {
                return false;
            }
            update(c, "INSERT INTO step_execution (scope_key, step_key, step_id, section, executed_at, outcome) VALUES (?, ?, ?, ?, ?, ?)",
                    scope, stepKey, stepId, section, at, truncate(outcome, 4000));
            return true;
        }

        @Override
        public boolean enqueue(OutboxEntry e) {
            if (!query(c, "SELECT 1 FROM outbox WHERE action_key = ?", rs -> 1, e.key()).isEmpty()) {
                return false;
            }
            String status = connected.contains(e.channel()) ? "PENDING" : "NO_CONNECTOR";
            update(c, "INSERT INTO outbox (action_key, campaign_id, case_id, site, channel, kind, operation, notification,"
                            + " recipients_to, recipients_cc, subject, body, reference_tag, due_at, created_at, status, next_attempt_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    e.key(), e.campaignId(), e.caseId(), e.site(), e.channel(), e.kind(), e.operation(), e.notification(),
                    String.join(",", e.to()), String.join(",", e.cc()), truncate(e.subject(), 2000), e.body(), e.reference(),
                    e.due(), e.createdAt(), status, e.createdAt());
            return true;
        }

        @Override
        public List<Notification> notifications(long caseId, String campaignId) {
            return query(c, "SELECT kind, notification, case_id, created_at, delivered_at, subject FROM outbox"
                            + " WHERE channel IN ('MAIL', 'RT') AND notification <> 'NONE' AND (case_id = ? OR (case_id IS NULL AND campaign_id = ?))"
                            + " ORDER BY created_at, id",
                    rs -> new Notification(rs.getString("kind"), NotificationKind.valueOf(rs.getString("notification")),
                            rs.getObject("case_id") != null, instant(rs, "created_at"), instant(rs, "delivered_at"),
                            rs.getString("subject")),
                    caseId, campaignId);
        }

        @Override
        public void audit(AuditEntry a) {
            update(c, "INSERT INTO audit_event (campaign_id, case_id, site, occurred_at, actor, event_type, detail) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    a.campaignId(), a.caseId(), a.site(), a.at(), a.actor(), a.event(), truncate(a.detail(), 8000));
        }

        @Override
        public boolean claimReply(long replyId) {
            // the row lock taken here holds until commit: a second processor waits, then sees it taken
            return update(c, "UPDATE inbound_message SET status = 'PROCESSING' WHERE id = ? AND status = 'NEW'", replyId) == 1;
        }

        @Override
        public boolean claimHeldReply(long replyId) {
            return update(c, "UPDATE inbound_message SET status = 'PROCESSING' WHERE id = ? AND status IN ('HELD', 'UNMATCHED', 'MALFORMED', 'FAILED')", replyId) == 1;
        }

        @Override
        public void finishReply(long replyId, InboundReply reply, InboundReply.Outcome o, Instant at) {
            var ref = o.caseRef();
            update(c, "UPDATE inbound_message SET status = ?, campaign_id = ?, case_id = ?, site = ?, intent = ?, confidence = ?,"
                            + " evidence = ?, match_method = ?, outcome = ?, processed_at = ?, held_reason = ? WHERE id = ?",
                    o.status(), ref == null ? null : ref.campaignId(), ref == null ? null : ref.caseId(), ref == null ? null : ref.site(),
                    reply.classification().intent(), reply.classification().confidence(), truncate(reply.classification().evidence(), 2000),
                    truncate(reply.matchMethod(), 200), truncate(o.outcome(), 4000), at, truncate(o.heldReason(), 4000), replyId);
        }

        @Override
        public Set<String> addressesWrittenTo(long caseId) {
            Set<String> out = new HashSet<>();
            query(c, "SELECT recipients_to, recipients_cc FROM outbox WHERE case_id = ?",
                    rs -> out.addAll(Sql.addresses(rs.getString(1), rs.getString(2))), caseId);
            return out;
        }

        @Override
        public boolean markContactInvalid(String site, String address, Instant at, String reason) {
            String a = address.strip().toLowerCase(java.util.Locale.ROOT);
            if (!query(c, "SELECT 1 FROM invalid_contact WHERE site = ? AND address = ?", rs -> 1, site, a).isEmpty()) return false;
            update(c, "INSERT INTO invalid_contact (site, address, reported_at, reason) VALUES (?, ?, ?, ?)", site, a, at,
                    truncate(reason, 4000));
            return true;
        }

        @Override
        public Set<String> invalidContacts(String site) {
            return new HashSet<>(query(c, "SELECT address FROM invalid_contact WHERE site = ?", rs -> rs.getString(1), site));
        }
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static Campaign campaign(ResultSet rs) throws SQLException {
        return new Campaign(rs.getString("id"), rs.getString("title"), rs.getString("procedure_id"),
                Arrays.asList(rs.getString("cves").split(",")), rs.getString("advisory_url"), rs.getString("advisory_text"),
                instant(rs, "issued_at"), instant(rs, "deadline_at"), AdvisoryScope.valueOf(rs.getString("scope")),
                rs.getBoolean("heads_up"), CampaignStatus.valueOf(rs.getString("status")), instant(rs, "next_due_at"),
                rs.getString("source"), lines(rs.getString("mitigations")));
    }

    private static List<String> lines(String s) {
        return s == null || s.isBlank() ? List.of() : List.of(s.split("\n"));
    }

    private static SiteCase siteCase(ResultSet rs) throws SQLException {
        SiteCase s = new SiteCase(rs.getLong("id"), rs.getString("campaign_id"), rs.getString("site"), rs.getString("procedure_id"),
                rs.getInt("case_round"), instant(rs, "detected_at"), instant(rs, "deadline_at"));
        s.restore(CaseStatus.valueOf(rs.getString("status")), rs.getString("deadline_reason"), rs.getString("ticket_ref"),
                instant(rs, "ticket_opened_at"), instant(rs, "acknowledged_at"), rs.getString("site_statement"),
                instant(rs, "suspension_proposed_at"), instant(rs, "suspension_requested_at"), instant(rs, "coordinator_reminded_at"),
                instant(rs, "suspended_at"), instant(rs, "closed_at"),
                rs.getString("close_reason"), instant(rs, "next_due_at"));
        String followUp = rs.getString("follow_up");
        s.restoreReplyState(instant(rs, "fix_claimed_at"), followUp == null ? null : SiteCase.FollowUp.valueOf(followUp),
                instant(rs, "follow_up_at"), rs.getString("pending_decision"), instant(rs, "pending_decision_at"));
        return s;
    }
}
