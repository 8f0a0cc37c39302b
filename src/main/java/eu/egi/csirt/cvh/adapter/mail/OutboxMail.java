package eu.egi.csirt.cvh.adapter.mail;

import eu.egi.csirt.cvh.domain.campaign.Channel;
import eu.egi.csirt.cvh.domain.campaign.OutboxEntry;
import eu.egi.csirt.cvh.domain.campaign.RetryPolicy;
import eu.egi.csirt.cvh.port.Outbox;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

/**
 * Turns outbox mail into MIME messages for camel-mail and records the outcome. The Message-ID is
 * derived from the action's stable key, so a resend after a crash carries the same id; every mail of
 * a site case refers to the case's thread id so replies can be matched.
 */
public final class OutboxMail {

    private static final System.Logger LOG = System.getLogger(OutboxMail.class.getName());

    private final Outbox outbox;
    private final Clock clock;
    private final MailIdentity identity;
    private final RetryPolicy retry;
    private final Session session = Session.getInstance(new Properties());

    /** @param from the sender; replyTo may be blank; domain is the right side of generated Message-IDs */
    public record MailIdentity(String from, String replyTo, String domain) {}

    public OutboxMail(Outbox outbox, Clock clock, MailIdentity identity, int maxAttempts) {
        this.outbox = outbox;
        this.clock = clock;
        this.identity = identity;
        this.retry = new RetryPolicy(maxAttempts);
    }

    public List<Outbox.Pending> due() {
        return outbox.due(Channel.MAIL, clock.instant(), 500);
    }

    public MimeMessage compose(Outbox.Pending pending) throws MessagingException {
        OutboxEntry e = pending.entry();
        MimeMessage m = new MimeMessage(session);
        // kept through sending by ReusingMailSender, which restores it after saveChanges()
        m.setHeader("Message-ID", messageId(e.key()));
        m.setFrom(new InternetAddress(identity.from()));
        if (identity.replyTo() != null && !identity.replyTo().isBlank()) {
            m.setReplyTo(InternetAddress.parse(identity.replyTo()));
        }
        m.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(String.join(",", e.to())));
        if (!e.cc().isEmpty()) {
            m.setRecipients(MimeMessage.RecipientType.CC, InternetAddress.parse(String.join(",", e.cc())));
        }
        m.setSubject(e.subject(), "UTF-8");
        m.setText(e.body(), "UTF-8");
        m.setSentDate(Date.from(clock.instant()));
        m.setHeader("X-CVH-Reference", e.reference());
        m.setHeader("X-CVH-Kind", e.kind());
        if (e.caseId() != null) {
            String thread = threadId(e.campaignId(), e.caseId());
            m.setHeader("In-Reply-To", thread);
            m.setHeader("References", thread);
        }
        // RFC 3834: auto-responders must not answer, so out-of-office replies do not loop
        m.setHeader("Auto-Submitted", "auto-generated");
        return m;
    }

    public void delivered(Outbox.Pending pending) {
        outbox.delivered(pending.id(), messageId(pending.entry().key()), clock.instant());
    }

    /** Backs off and retries; dead after too many attempts, with the error kept. */
    public void failed(Outbox.Pending pending, Exception error) {
        failed(outbox, retry, clock, pending, error);
    }

    /** Shared by every channel's delivery: one policy, one log line. */
    public static void failed(Outbox outbox, RetryPolicy retry, Clock clock, Outbox.Pending pending, Exception error) {
        int attempt = pending.attempts() + 1;
        boolean dead = retry.isDead(attempt);
        Instant next = retry.nextAttempt(attempt, clock.instant());
        String message = error.getClass().getSimpleName() + ": " + error.getMessage();
        outbox.failed(pending.id(), message, next, dead);
        LOG.log(dead ? System.Logger.Level.ERROR : System.Logger.Level.WARNING, pending.entry().channel() + " " + pending.entry().key()
                + (dead ? " is DEAD after " + attempt + " attempts: " : " failed (attempt " + attempt + ", retry at " + next + "): ") + message);
    }

    public String messageId(String key) {
        return "<" + hash(key) + "@" + identity.domain() + ">";
    }

    public String threadId(String campaignId, long caseId) {
        return "<case-" + caseId + "." + hash(campaignId).substring(0, 12) + "@" + identity.domain() + ">";
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
