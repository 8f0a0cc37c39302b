package eu.egi.csirt.cvh.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A real SMTP server (GreenMail) for route tests, and the mails it received, one per Message-ID. */
public final class Mailbox {
    private final GreenMail server;

    public Mailbox(int port) {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
        server.start();
    }

    /** SMTP and an IMAP inbox for {@code user} (the CSIRT's reply address). */
    public Mailbox(int smtpPort, int imapPort, String user, String password) {
        server = new GreenMail(new ServerSetup[] {new ServerSetup(smtpPort, "127.0.0.1", "smtp"),
                new ServerSetup(imapPort, "127.0.0.1", "imap")});
        server.start();
        inbox = server.setUser(user, user, password);
    }

    private com.icegreen.greenmail.user.GreenMailUser inbox;

    /** A mail arrives in the IMAP inbox, as from outside. */
    public void arrives(MimeMessage mail) {
        inbox.deliver(mail);
    }

    public void stop() {
        server.stop();
    }

    public record Mail(String messageId, String subject, List<String> to, List<String> cc, String body, MimeMessage raw) {
        public boolean isTo(String address) { return to.contains(address); }
        public boolean concerns(String site) { return subject.contains(" " + site + "]"); }
    }

    /** Each mail once (GreenMail keeps one copy per recipient). */
    public List<Mail> mails() {
        Map<String, Mail> byId = new LinkedHashMap<>();
        for (MimeMessage m : server.getReceivedMessages()) {
            try {
                byId.putIfAbsent(m.getMessageID(), new Mail(m.getMessageID(), m.getSubject(), addresses(m, Message.RecipientType.TO),
                        addresses(m, Message.RecipientType.CC), m.getContent().toString(), m));
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return new ArrayList<>(byId.values());
    }

    public List<Mail> withSubject(String part) {
        return mails().stream().filter(m -> m.subject().contains(part)).toList();
    }

    public int receivedCopies() {
        return server.getReceivedMessages().length;
    }

    private static List<String> addresses(MimeMessage m, Message.RecipientType type) throws MessagingException {
        var a = m.getRecipients(type);
        return a == null ? List.of() : Arrays.stream(a).map(Object::toString).toList();
    }
}
