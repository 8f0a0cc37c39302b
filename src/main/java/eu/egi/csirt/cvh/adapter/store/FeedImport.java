package eu.egi.csirt.cvh.adapter.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * One Pakiti feed on its way in. Rows are staged in batches (bounded memory however long the feed is) under
 * a key of their own; nothing the engine reads changes until {@link #accept} applies them in one
 * transaction. {@link #refuse} and {@link #close} drop the staged rows, so a broken feed changes nothing.
 */
public final class FeedImport implements AutoCloseable {

    /** Which existing rows this feed speaks for (the hosts.php filters): null = all. */
    public record Scope(String cve, String site) {
        public static final Scope ALL = new Scope(null, null);
    }

    /** What became of a feed. The officer sees refusals in {@code status_import} with the reason. */
    public record Result(String source, Instant at, boolean accepted, String reason, long rowsRead, long rowsListed,
                         int vulnerableSiteCves, int vulnerableHosts) {
        @Override
        public String toString() {
            return source + ": " + (accepted ? "accepted, " + rowsRead + " rows, " + vulnerableHosts + " vulnerable hosts in "
                    + vulnerableSiteCves + " site/CVE pairs" : "REFUSED: " + reason);
        }
    }

    private static final int BATCH = 5_000;

    private final JdbcVulnerabilityStatus store;
    private final Database database;
    final String key = UUID.randomUUID().toString();
    final String source;
    final Scope scope;
    final Instant at;
    private Connection connection;
    private PreparedStatement insert;
    private int pending;
    long rowsListed;
    long rowsEvidence;
    private boolean finished;

    FeedImport(JdbcVulnerabilityStatus store, Database database, String source, Scope scope, Instant at) {
        this.store = store;
        this.database = database;
        this.source = source;
        this.scope = scope;
        this.at = at;
    }

    /** A vulnerable host as the feed lists it. */
    public void listed(String site, String cve, String host, Instant lastReport) {
        stage(site, cve, host, lastReport, true);
        rowsListed++;
    }

    /** A host's last report seen in another query (evidence only: says nothing about this feed's CVEs). */
    public void reported(String site, String cve, String host, Instant lastReport) {
        stage(site, cve, host, lastReport, false);
        rowsEvidence++;
    }

    private void stage(String site, String cve, String host, Instant lastReport, boolean listed) {
        try {
            if (insert == null) {
                connection = database.dataSource().getConnection();
                connection.setAutoCommit(false);
                insert = connection.prepareStatement(
                        "INSERT INTO feed_staging (import_key, site, cve, host, last_report, listed) VALUES (?, ?, ?, ?, ?, ?)");
            }
            insert.setString(1, key);
            insert.setString(2, site);
            insert.setString(3, cve);
            insert.setString(4, host);
            insert.setObject(5, lastReport.atOffset(ZoneOffset.UTC));
            insert.setBoolean(6, listed);
            insert.addBatch();
            if (++pending >= BATCH) flush();
        } catch (SQLException e) {
            throw new IllegalStateException("database error while staging the feed: " + e.getMessage(), e);
        }
    }

    private void flush() throws SQLException {
        if (pending > 0) {
            insert.executeBatch();
            connection.commit();
            pending = 0;
        }
    }

    /** Applies the whole feed, unless it is empty while hosts were vulnerable (then it is refused). */
    public Result accept() {
        try {
            if (insert != null) flush();
        } catch (SQLException e) {
            return refuse("database error while staging the feed: " + e.getMessage());
        }
        finished = true;
        return store.apply(this);
    }

    /** Records that the feed was refused and why; nothing else changes. */
    public Result refuse(String reason) {
        finished = true;
        return store.refuse(source, at, rowsListed + rowsEvidence, reason);
    }

    @Override
    public void close() {
        try {
            if (!finished) refuse("import abandoned");
            if (connection != null) {
                insert.close();
                connection.rollback();
                connection.setAutoCommit(true);
                connection.close();
            }
        } catch (SQLException e) {
            // the staged rows are dropped below anyway
        } finally {
            store.dropStaged(key);
        }
    }
}
