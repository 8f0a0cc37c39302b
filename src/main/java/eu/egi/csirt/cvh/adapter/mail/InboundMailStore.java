package eu.egi.csirt.cvh.adapter.mail;

import eu.egi.csirt.cvh.adapter.store.Database;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HexFormat;

/**
 * Stores each mail fetched from the inbox, raw, in the database before the IMAP consumer marks it
 * seen: a crash between fetch and store loses nothing (the mail is still unseen), and a mail fetched
 * twice is stored once (keyed on its Message-ID, or on a hash of its bytes when it has none).
 * A mail that cannot be parsed is still stored, marked MALFORMED with the error, for the officer.
 */
public final class InboundMailStore {

    private static final System.Logger LOG = System.getLogger(InboundMailStore.class.getName());

    private final Database database;
    private final Clock clock;

    public InboundMailStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Returns true if the mail was new. Throws if it could not be stored: the inbox then keeps it unseen. */
    public boolean store(Message message, String source) throws IOException, MessagingException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        byte[] bytes = raw.toByteArray();
        String messageId = null;
        String subject = null;
        String sender = null;
        String error = null;
        try {
            String[] ids = message.getHeader("Message-ID");
            messageId = ids == null || ids.length == 0 ? null : ids[0].trim();
            subject = message.getSubject();
            var from = message.getFrom();
            sender = from == null || from.length == 0 ? null
                    : from[0] instanceof InternetAddress a ? a.getAddress() : from[0].toString();
        } catch (MessagingException | RuntimeException e) {
            error = "cannot read headers: " + e.getMessage();
        }
        return store(bytes, messageId, subject, sender, error, source);
    }

    /** A reply that did not come by mail (e.g. RT correspondence), under the caller's stable key. */
    public boolean storeReply(String dedupKey, String source, String sender, String subject, String text) {
        return storeReply(dedupKey, source, sender, subject, text, null);
    }

    /** @param messageId the original mail's Message-ID, if known: the same mail arriving by IMAP too is then processed once */
    public boolean storeReply(String dedupKey, String source, String sender, String subject, String text, String messageId) {
        return store(dedupKey, text.getBytes(StandardCharsets.UTF_8), messageId, subject, sender, null, source, "NEW");
    }

    /** Something seen once that is not a reply (e.g. a ticket a person opened): kept, never processed as a reply. */
    public boolean storeSeen(String dedupKey, String source, String sender, String subject, String text) {
        return store(dedupKey, text.getBytes(StandardCharsets.UTF_8), null, subject, sender, null, source, "SEEN");
    }

    boolean store(byte[] bytes, String messageId, String subject, String sender, String error, String source) {
        String key = messageId != null && !messageId.isEmpty() ? "message-id:" + messageId : "sha256:" + sha256(bytes);
        return store(key, bytes, messageId, subject, sender, error, source, error == null ? "NEW" : "MALFORMED");
    }

    /** The highest stored key with this prefix (keys are built so that text order is number order). */
    public java.util.Optional<String> lastKey(String prefix) {
        return database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MAX(dedup_key) FROM inbound_message WHERE dedup_key LIKE ?")) {
                ps.setString(1, prefix + "%");
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? java.util.Optional.ofNullable(rs.getString(1)) : java.util.Optional.<String>empty();
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private boolean store(String key, byte[] bytes, String messageId, String subject, String sender, String error, String source,
                          String status) {
        boolean stored = database.inTransaction(c -> {
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM inbound_message WHERE dedup_key = ?")) {
                exists.setString(1, truncate(key, 1000));
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) return false;
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO inbound_message (dedup_key, message_id, source,"
                        + " received_at, subject, sender, size_bytes, raw, status, error_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, truncate(key, 1000));
                    ps.setString(2, truncate(messageId, 1000));
                    ps.setString(3, truncate(source, 500));
                    ps.setObject(4, clock.instant().atOffset(ZoneOffset.UTC));
                    ps.setString(5, truncate(subject, 2000));
                    ps.setString(6, truncate(sender, 1000));
                    ps.setLong(7, bytes.length);
                    ps.setBytes(8, bytes);
                    ps.setString(9, status);
                    ps.setString(10, truncate(error, 4000));
                    ps.executeUpdate();
                }
                return true;
            } catch (SQLException e) {
                throw new IllegalStateException("cannot store inbound mail " + key + ": " + e.getMessage(), e);
            }
        });
        LOG.log(System.Logger.Level.INFO, (stored ? "stored inbound mail " : "inbound mail already stored: ") + key
                + (subject != null ? " \"" + subject + "\"" : "") + (error != null ? " (MALFORMED: " + error + ")" : ""));
        return stored;
    }

    /** A stored reply waiting to be processed. */
    public record Pending(long id, String source, String sender, String subject, java.time.Instant receivedAt, byte[] raw) {}

    /** A stored reply whatever its status, with the case it was matched to (if any). */
    public record Stored(Pending reply, String status, String campaignId, Long caseId, String site, String messageId) {}

    public java.util.Optional<Stored> stored(long id) {
        return database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, source, sender, subject, received_at, raw, status, campaign_id,"
                    + " case_id, site, message_id FROM inbound_message WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return java.util.Optional.<Stored>empty();
                    var t = rs.getObject(5, java.time.OffsetDateTime.class);
                    Pending p = new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            t == null ? null : t.toInstant(), rs.getBytes(6));
                    return java.util.Optional.of(new Stored(p, rs.getString(7), rs.getString(8), rs.getObject(9, Long.class), rs.getString(10),
                            rs.getString(11)));
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** An earlier stored copy of the same mail (same Message-ID, e.g. once from RT and once by IMAP) that was read. */
    public java.util.Optional<Long> earlierCopy(long id, String messageId) {
        if (messageId == null || messageId.isBlank()) return java.util.Optional.empty();
        return database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MIN(id) FROM inbound_message WHERE message_id = ? AND id < ?"
                    + " AND status NOT IN ('MALFORMED', 'FAILED', 'SEEN')")) {
                ps.setString(1, messageId);
                ps.setLong(2, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? java.util.Optional.ofNullable(rs.getObject(1, Long.class)) : java.util.Optional.<Long>empty();
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** A second copy of a mail already processed: kept, marked, not acted on again. */
    public void markDuplicate(long id, long original) {
        database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE inbound_message SET status = 'IGNORED', outcome = ?, processed_at = ?"
                    + " WHERE id = ? AND status = 'NEW'")) {
                ps.setString(1, "the same mail came another way too: reply " + original);
                ps.setObject(2, clock.instant().atOffset(ZoneOffset.UTC));
                ps.setLong(3, id);
                return ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The ids of the oldest replies not processed yet (the mails themselves are read one at a time). */
    public java.util.List<Long> pendingIds(int limit) {
        return database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM inbound_message WHERE status = 'NEW' ORDER BY id")) {
                ps.setMaxRows(limit);
                java.util.List<Long> out = new java.util.ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(rs.getLong(1));
                }
                return out;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * Processing failed (nothing of it committed): the reply stays NEW to be tried again, with the error;
     * returns how many attempts it has had.
     */
    public int recordFailedAttempt(long id, String error) {
        return database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE inbound_message SET attempts = attempts + 1, error_text = ?"
                    + " WHERE id = ? AND status = 'NEW'")) {
                ps.setString(1, truncate(error, 4000));
                ps.setLong(2, id);
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT attempts FROM inbound_message WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * A stored reply that cannot be processed (unreadable MIME, or processing failed): kept, with the
     * error, for the officer; the next replies flow on.
     */
    public void markUnprocessable(long id, String status, String error) {
        database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE inbound_message SET status = ?, error_text = ?, processed_at = ?"
                    + " WHERE id = ? AND status = 'NEW'")) {
                ps.setString(1, status);
                ps.setString(2, truncate(error, 4000));
                ps.setObject(3, clock.instant().atOffset(ZoneOffset.UTC));
                ps.setLong(4, id);
                return ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** For tests and the console: the raw bytes of a stored mail as text. */
    public static String text(byte[] raw) {
        return new String(raw, StandardCharsets.UTF_8);
    }
}
