package eu.egi.csirt.cvh.adapter.mail;

import eu.egi.csirt.cvh.domain.reply.Reply;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * A raw mail as the classifier needs it: headers, decoded subject, and the text (text/plain preferred,
 * else HTML turned into text with jsoup). Charsets and transfer encodings are decoded by Jakarta Mail.
 */
public final class ReplyReader {

    private static final List<String> HEADERS = List.of("from", "auto-submitted", "x-autoreply", "x-autorespond", "precedence",
            "content-type", "message-id", "in-reply-to", "references", "x-rt-loop-prevention");

    private static final java.util.regex.Pattern FINAL_RECIPIENT =
            java.util.regex.Pattern.compile("(?im)^(?:final|original)-recipient:\\s*rfc822\\s*;\\s*<?([^>\\s]+@[^>\\s]+)>?");
    private static final java.util.regex.Pattern ADDRESS = java.util.regex.Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
    private static final java.util.regex.Pattern MESSAGE_ID = java.util.regex.Pattern.compile("<[^<>\\s]+@[^<>\\s]+>");

    private ReplyReader() {}

    /**
     * A mail with what matching needs besides the text.
     *
     * @param sentAt           its Date header, if readable
     * @param answered         the Message-IDs it answers (In-Reply-To, References; for a delivery failure also
     *                         those of the returned original)
     * @param bouncedAddresses for a delivery failure: the failed recipients (DSN), else the addresses it names
     */
    public record ReadMail(Reply reply, java.util.Optional<java.time.Instant> sentAt, List<String> answered,
                           List<String> bouncedAddresses) {}

    public static ReadMail readMail(byte[] raw) throws MessagingException, IOException {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), new java.io.ByteArrayInputStream(raw));
        Reply reply = read(m);
        java.util.Optional<java.time.Instant> sent = java.util.Optional.ofNullable(m.getSentDate()).map(java.util.Date::toInstant);
        java.util.LinkedHashSet<String> answered = new java.util.LinkedHashSet<>();
        ids(reply.header("in-reply-to"), answered);
        ids(reply.header("references"), answered);
        List<String> bounced = List.of();
        boolean bounce = reply.deliveryReport() || reply.header("from").toLowerCase(Locale.ROOT).contains("mailer-daemon")
                || reply.header("from").toLowerCase(Locale.ROOT).contains("postmaster");
        if (bounce) {
            String whole = new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1);
            ids(whole, answered);   // the returned original's Message-ID and References
            java.util.LinkedHashSet<String> failed = new java.util.LinkedHashSet<>();
            var dsn = FINAL_RECIPIENT.matcher(whole);
            while (dsn.find()) failed.add(dsn.group(1));
            if (failed.isEmpty()) {
                var any = ADDRESS.matcher(reply.body());
                while (any.find()) failed.add(any.group());
            }
            bounced = List.copyOf(failed);
        }
        return new ReadMail(reply, sent, List.copyOf(answered), bounced);
    }

    private static void ids(String text, java.util.Set<String> out) {
        var m = MESSAGE_ID.matcher(text == null ? "" : text);
        while (m.find()) out.add(m.group());
    }

    public static Reply read(InputStream raw) throws MessagingException, IOException {
        return read(new MimeMessage(Session.getInstance(new Properties()), raw));
    }

    private static Reply read(MimeMessage m) throws MessagingException, IOException {
        Map<String, String> headers = new HashMap<>();
        for (String h : HEADERS) {
            String v = m.getHeader(h, ", ");
            if (v != null) headers.put(h, v);
        }
        // only the topmost Authentication-Results is our own mail server's; lower ones may come with the mail
        String[] results = m.getHeader("Authentication-Results");
        if (results != null && results.length > 0) headers.put("authentication-results", results[0]);
        String type = m.getContentType() == null ? "" : m.getContentType().toLowerCase(Locale.ROOT);
        boolean report = type.startsWith("multipart/report") && type.contains("delivery-status");
        String subject = m.getSubject() == null ? "" : m.getSubject();
        return new Reply(headers, subject, text(m), report);
    }

    /** HTML as text, without the quoted earlier mail (blockquote, Gmail/Thunderbird/Outlook quote blocks). */
    static String htmlText(String html) {
        var doc = Jsoup.parse(html);
        doc.select("blockquote, .gmail_quote, .moz-cite-prefix, #divRplyFwdMsg, #appendonsend").remove();
        doc.select("br").after("\n");
        doc.select("p, div").after("\n");
        return doc.wholeText();
    }

    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) return String.valueOf(part.getContent());
        if (part.isMimeType("text/html")) return htmlText(String.valueOf(part.getContent()));
        if (part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            String html = null;
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart b = mp.getBodyPart(i);
                if (Part.ATTACHMENT.equalsIgnoreCase(b.getDisposition())) continue;
                if (b.isMimeType("text/plain")) return String.valueOf(b.getContent());
                if (b.isMimeType("text/html") && html == null) html = htmlText(String.valueOf(b.getContent()));
                if (b.isMimeType("multipart/*")) {
                    String inner = text(b);
                    if (!inner.isBlank()) return inner;
                }
            }
            return html == null ? "" : html;
        }
        return "";
    }
}
