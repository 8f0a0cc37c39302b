package eu.egi.csirt.cvh.support;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayOutputStream;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/** A site's reply as a real MIME mail: {@code aReply().from("security@alpha.example").text("Fixed.")}. */
public final class ReplyMail {
    private static final AtomicInteger IDS = new AtomicInteger();

    private String from = "security@alpha.example";
    private String subject = "Re: your ticket";
    private String text = "";
    private Date sent;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public static ReplyMail aReply() { return new ReplyMail(); }

    public ReplyMail from(String address) { this.from = address; return this; }
    public ReplyMail subject(String s) { this.subject = s; return this; }
    public ReplyMail text(String t) { this.text = t; return this; }
    public ReplyMail sent(java.time.Instant t) { this.sent = Date.from(t); return this; }
    public ReplyMail inReplyTo(String messageId) { headers.put("In-Reply-To", messageId); headers.put("References", messageId); return this; }
    public ReplyMail header(String name, String value) { headers.put(name, value); return this; }

    public MimeMessage message() {
        try {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
            m.setFrom(new InternetAddress(from));
            m.setRecipients(MimeMessage.RecipientType.TO, "csirt-duty@example.org");
            m.setSubject(subject, "UTF-8");
            m.setText(text, "UTF-8");
            if (sent != null) m.setSentDate(sent);
            m.saveChanges();
            m.setHeader("Message-ID", "<reply-" + IDS.incrementAndGet() + "." + System.nanoTime() + "@site.example>");
            for (var h : headers.entrySet()) m.setHeader(h.getKey(), h.getValue());
            return m;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] bytes() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message().writeTo(out);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A delivery status notification as Postfix sends it (RFC 3464), with the returned original's headers. */
    public static byte[] deliveryFailure(String failed, String originalMessageId) {
        return ("From: MAILER-DAEMON@mx.example.org (Mail Delivery System)\r\n"
                + "To: csirt-duty@example.org\r\n"
                + "Subject: Undelivered Mail Returned to Sender\r\n"
                + "Message-ID: <dsn-" + System.nanoTime() + "@mx.example.org>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\r\n\r\n"
                + "--B\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n"
                + "I'm sorry to have to inform you that your message could not be delivered.\r\n"
                + "<" + failed + ">: host mx.site.example said: 550 5.1.1 User unknown\r\n\r\n"
                + "--B\r\nContent-Type: message/delivery-status\r\n\r\n"
                + "Reporting-MTA: dns; mx.example.org\r\n\r\n"
                + "Final-Recipient: rfc822; " + failed + "\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n"
                + "--B\r\nContent-Type: text/rfc822-headers\r\n\r\n"
                + "From: csirt-duty@example.org\r\nTo: " + failed + "\r\nMessage-ID: " + originalMessageId + "\r\n\r\n"
                + "--B--\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
