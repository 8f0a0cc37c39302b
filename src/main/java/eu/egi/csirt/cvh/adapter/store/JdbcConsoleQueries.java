package eu.egi.csirt.cvh.adapter.store;

import eu.egi.csirt.cvh.domain.campaign.AuditEntry;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static eu.egi.csirt.cvh.adapter.store.Sql.instant;
import static eu.egi.csirt.cvh.adapter.store.Sql.query;
import static eu.egi.csirt.cvh.adapter.store.Sql.update;

/** What the officer's console reads: the audit trail, the outbox as a timeline, dead letters, figures. */
public final class JdbcConsoleQueries {

    private final Database database;

    public JdbcConsoleQueries(Database database) {
        this.database = database;
    }

    /** An outbox action as the officer sees it (without its body). */
    public record Action(long id, String key, String campaignId, Long caseId, String site, String channel, String kind,
                         String operation, String notification, String to, String subject, String status, int attempts,
                         Instant createdAt, Instant nextAttemptAt, Instant deliveredAt, String externalId, String lastError) {}

    private static final String ACTION_COLUMNS = "id, action_key, campaign_id, case_id, site, channel, kind, operation, notification,"
            + " recipients_to, subject, status, attempts, created_at, next_attempt_at, delivered_at, external_id, last_error";

    private static Action action(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Action(rs.getLong("id"), rs.getString("action_key"), rs.getString("campaign_id"), (Long) rs.getObject("case_id", Long.class),
                rs.getString("site"), rs.getString("channel"), rs.getString("kind"), rs.getString("operation"), rs.getString("notification"),
                rs.getString("recipients_to"), rs.getString("subject"), rs.getString("status"), rs.getInt("attempts"),
                instant(rs, "created_at"), instant(rs, "next_attempt_at"), instant(rs, "delivered_at"), rs.getString("external_id"),
                rs.getString("last_error"));
    }

    /** A campaign's audit trail, oldest first. */
    public List<AuditEntry> audit(String campaignId) {
        return database.inTransaction(c -> query(c, "SELECT campaign_id, case_id, site, occurred_at, actor, event_type, detail"
                + " FROM audit_event WHERE campaign_id = ? ORDER BY occurred_at, id", JdbcConsoleQueries::auditEntry, campaignId));
    }

    /** One site's lines of a campaign's audit trail, oldest first. */
    public List<AuditEntry> audit(String campaignId, String site) {
        return database.inTransaction(c -> query(c, "SELECT campaign_id, case_id, site, occurred_at, actor, event_type, detail"
                + " FROM audit_event WHERE campaign_id = ? AND site = ? ORDER BY occurred_at, id", JdbcConsoleQueries::auditEntry,
                campaignId, site));
    }

    private static AuditEntry auditEntry(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new AuditEntry(rs.getString(1), (Long) rs.getObject(2, Long.class), rs.getString(3), instant(rs, "occurred_at"),
                rs.getString(5), rs.getString(6), rs.getString(7));
    }

    /** Every action for one site of a campaign (its cases), and the campaign-wide ones it received (list mails), oldest first. */
    public List<Action> actions(String campaignId, String site) {
        return database.inTransaction(c -> query(c, "SELECT " + ACTION_COLUMNS + " FROM outbox WHERE campaign_id = ?"
                + " AND (site = ? OR case_id IS NULL) ORDER BY created_at, id", JdbcConsoleQueries::action, campaignId, site));
    }

    public List<Action> dead() {
        return database.inTransaction(c -> query(c, "SELECT " + ACTION_COLUMNS + " FROM outbox WHERE status = 'DEAD' ORDER BY id",
                JdbcConsoleQueries::action));
    }

    public Optional<Action> action(long id) {
        return database.inTransaction(c -> query(c, "SELECT " + ACTION_COLUMNS + " FROM outbox WHERE id = ?",
                JdbcConsoleQueries::action, id)).stream().findFirst();
    }

    /** A dead action is due again now, with a fresh count of attempts; false if it is not dead (any more). */
    public boolean retryDead(long id, Instant now) {
        return database.inTransaction(c -> update(c, "UPDATE outbox SET status = 'PENDING', attempts = 0, next_attempt_at = ?"
                + " WHERE id = ? AND status = 'DEAD'", now, id)) == 1;
    }

    /** Outbox actions by status ("PENDING", "DEAD", ...). */
    public Map<String, Integer> outboxByStatus() {
        Map<String, Integer> out = new TreeMap<>();
        database.inTransaction(c -> query(c, "SELECT status, COUNT(*) FROM outbox GROUP BY status",
                rs -> out.put(rs.getString(1), rs.getInt(2))));
        return out;
    }

    /** Delivered actions by channel and kind, e.g. {@code MAIL/final-warning}. */
    public Map<String, Integer> deliveredByChannelAndKind() {
        Map<String, Integer> out = new TreeMap<>();
        database.inTransaction(c -> query(c, "SELECT channel, kind, COUNT(*) FROM outbox WHERE status = 'DELIVERED' GROUP BY channel, kind",
                rs -> out.put(rs.getString(1) + "/" + rs.getString(2), rs.getInt(3))));
        return out;
    }

    /** Delivered RT actions by operation (create, correspond, resolve, ...). */
    public Map<String, Integer> ticketsByOperation() {
        Map<String, Integer> out = new TreeMap<>();
        database.inTransaction(c -> query(c, "SELECT operation, COUNT(*) FROM outbox WHERE channel = 'RT' AND status = 'DELIVERED'"
                + " GROUP BY operation", rs -> out.put(rs.getString(1), rs.getInt(2))));
        return out;
    }

    /** Stored inbound messages (replies) by status. */
    public Map<String, Integer> inboundByStatus() {
        Map<String, Integer> out = new TreeMap<>();
        database.inTransaction(c -> query(c, "SELECT status, COUNT(*) FROM inbound_message GROUP BY status",
                rs -> out.put(rs.getString(1), rs.getInt(2))));
        return out;
    }

    /** A stored reply (mail or RT correspondence) and what inbound processing made of it. */
    public record Reply(long id, String source, Instant receivedAt, String sender, String subject, String status, String campaignId,
                        Long caseId, String site, String intent, Double confidence, String evidence, String matchMethod,
                        String outcome, Instant processedAt, String heldReason) {}

    private static final String REPLY_COLUMNS = "id, source, received_at, sender, subject, status, campaign_id, case_id, site, intent,"
            + " confidence, evidence, match_method, outcome, processed_at, held_reason";

    private static Reply reply(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Reply(rs.getLong("id"), rs.getString("source"), instant(rs, "received_at"), rs.getString("sender"), rs.getString("subject"),
                rs.getString("status"), rs.getString("campaign_id"), (Long) rs.getObject("case_id", Long.class), rs.getString("site"),
                rs.getString("intent"), (Double) rs.getObject("confidence", Double.class), rs.getString("evidence"),
                rs.getString("match_method"), rs.getString("outcome"), instant(rs, "processed_at"), rs.getString("held_reason"));
    }

    /**
     * Replies waiting for the officer, newest first (at most 500): not matched to a case, held (low
     * confidence, unknown sender), unreadable or failing (their error stands as the reason).
     */
    public List<Reply> unmatchedReplies() {
        return database.inTransaction(c -> query(c, "SELECT " + REPLY_COLUMNS.replace("held_reason", "COALESCE(held_reason, error_text) AS held_reason")
                + " FROM inbound_message WHERE status IN ('UNMATCHED', 'HELD', 'MALFORMED', 'FAILED')"
                + " ORDER BY received_at DESC, id DESC FETCH FIRST 500 ROWS ONLY", JdbcConsoleQueries::reply));
    }

    /** The replies matched to a campaign (one site, or all with null), oldest first. */
    public List<Reply> replies(String campaignId, String site) {
        return site == null
                ? database.inTransaction(c -> query(c, "SELECT " + REPLY_COLUMNS + " FROM inbound_message WHERE campaign_id = ?"
                        + " ORDER BY received_at, id", JdbcConsoleQueries::reply, campaignId))
                : database.inTransaction(c -> query(c, "SELECT " + REPLY_COLUMNS + " FROM inbound_message WHERE campaign_id = ? AND site = ?"
                        + " ORDER BY received_at, id", JdbcConsoleQueries::reply, campaignId, site));
    }

    /** Replies by intent once understood, else by status (NEW, HELD, UNMATCHED, ...). */
    public Map<String, Integer> repliesByIntent() {
        Map<String, Integer> out = new TreeMap<>();
        database.inTransaction(c -> query(c, "SELECT COALESCE(intent, status) AS k, COUNT(*) FROM inbound_message"
                + " WHERE status <> 'SEEN' GROUP BY COALESCE(intent, status)", rs -> out.put(rs.getString(1), rs.getInt(2))));
        return out;
    }

    /** When the last monitoring feed was accepted, if ever. */
    public Optional<Instant> lastAcceptedFeed() {
        return database.inTransaction(c -> query(c, "SELECT MAX(imported_at) AS last_import FROM status_import WHERE accepted",
                rs -> instant(rs, "last_import"))).stream().filter(java.util.Objects::nonNull).findFirst();
    }

    /** The database answers. */
    public void ping() {
        database.inTransaction(c -> query(c, "SELECT COUNT(*) FROM campaign", rs -> rs.getInt(1)));
    }
}
