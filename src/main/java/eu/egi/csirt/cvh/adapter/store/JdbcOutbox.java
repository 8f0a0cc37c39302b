package eu.egi.csirt.cvh.adapter.store;

import eu.egi.csirt.cvh.domain.campaign.Channel;
import eu.egi.csirt.cvh.domain.campaign.OutboxEntry;
import eu.egi.csirt.cvh.domain.procedure.NotificationKind;
import eu.egi.csirt.cvh.port.Outbox;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static eu.egi.csirt.cvh.adapter.store.Sql.instant;
import static eu.egi.csirt.cvh.adapter.store.Sql.query;
import static eu.egi.csirt.cvh.adapter.store.Sql.update;

/** The outbox table, seen from the delivery routes. */
public final class JdbcOutbox implements Outbox {

    private final Database database;

    public JdbcOutbox(Database database) {
        this.database = database;
    }

    @Override
    public List<Pending> due(Channel channel, Instant now, int limit) {
        return database.inTransaction(c -> query(c, "SELECT * FROM outbox WHERE status = 'PENDING' AND channel = ?"
                        + " AND next_attempt_at <= ? ORDER BY id FETCH FIRST " + limit + " ROWS ONLY",
                rs -> new Pending(rs.getLong("id"), rs.getInt("attempts"), new OutboxEntry(rs.getString("action_key"),
                        rs.getString("campaign_id"), (Long) rs.getObject("case_id", Long.class), rs.getString("site"),
                        Channel.valueOf(rs.getString("channel")), rs.getString("kind"), rs.getString("operation"),
                        NotificationKind.valueOf(rs.getString("notification")), split(rs.getString("recipients_to")),
                        split(rs.getString("recipients_cc")), rs.getString("subject"), rs.getString("body"),
                        rs.getString("reference_tag"), instant(rs, "due_at"), instant(rs, "created_at"))),
                channel, now));
    }

    @Override
    public void delivered(long id, String externalId, Instant at) {
        database.inTransaction(c -> update(c, "UPDATE outbox SET status = 'DELIVERED', delivered_at = ?, external_id = ?,"
                + " attempts = attempts + 1, last_error = NULL WHERE id = ? AND status = 'PENDING'", at, externalId, id));
    }

    @Override
    public void failed(long id, String error, Instant retryAt, boolean dead) {
        database.inTransaction(c -> update(c, "UPDATE outbox SET status = ?, attempts = attempts + 1, next_attempt_at = ?,"
                        + " last_error = ? WHERE id = ? AND status = 'PENDING'",
                dead ? "DEAD" : "PENDING", retryAt, JdbcCampaignStore.truncate(error, 4000), id));
    }

    @Override
    public Map<String, Integer> countsByChannelAndStatus() {
        Map<String, Integer> out = new TreeMap<>();
        database.inTransaction(c -> query(c, "SELECT channel, status, COUNT(*) FROM outbox GROUP BY channel, status",
                rs -> out.put(rs.getString(1) + "." + rs.getString(2), rs.getInt(3))));
        return out;
    }

    @Override
    public List<String> deliveredExternalIds(Channel channel, String operation) {
        return database.inTransaction(c -> query(c, "SELECT DISTINCT o.external_id FROM outbox o JOIN campaign k ON k.id = o.campaign_id"
                        + " WHERE o.channel = ? AND o.operation = ? AND o.status = 'DELIVERED' AND k.status = 'ACTIVE'"
                        + " AND o.external_id IS NOT NULL", rs -> rs.getString(1), channel, operation));
    }

    @Override
    public Map<String, Integer> countsByChannelAndKind() {
        Map<String, Integer> out = new TreeMap<>();
        database.inTransaction(c -> query(c, "SELECT channel, kind, COUNT(*) FROM outbox GROUP BY channel, kind",
                rs -> out.put(rs.getString(1).toLowerCase() + "." + rs.getString(2), rs.getInt(3))));
        return out;
    }

    private static List<String> split(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.asList(s.split(","));
    }
}
