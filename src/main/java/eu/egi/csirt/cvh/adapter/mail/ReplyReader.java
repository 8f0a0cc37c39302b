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
            "content-type", "message-id", "in-reply-to", "references");

    private ReplyReader() {}

    public static Reply read(InputStream raw) throws MessagingException, IOException {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), raw);
        Map<String, String> headers = new HashMap<>();
        for (String h : HEADERS) {
            String v = m.getHeader(h, ", ");
            if (v != null) headers.put(h, v);
        }
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
