package eu.egi.csirt.cvh.domain.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The text a site actually wrote: quoted earlier mails ("&gt;" lines, "On … wrote:", Outlook header
 * blocks, forwarded originals), signatures and legal disclaimers are cut, so a quoted advisory full of
 * "vulnerable" and "suspension" never decides what a reply means.
 */
public final class NewText {

    /** A line where the quoted earlier mail starts (English, German, French, Italian, Spanish clients). */
    private static final List<Pattern> QUOTE_STARTS = List.of(
            Pattern.compile("^\\s*(on|am|le|il|el)\\b.{0,200}\\b(wrote|schrieb|a écrit|ha scritto|escribió)\\s*:?\\s*$"
                    + "|^.{0,200}\\b(wrote|schrieb|a écrit|ha scritto|escribió)\\b.{0,80}:\\s*$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^\\s*-{2,}\\s*(original message|ursprüngliche nachricht|message d'origine|messaggio originale|mensaje original)\\s*-{2,}", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^\\s*-{2,}\\s*(forwarded message|weitergeleitete nachricht|message transféré)", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^\\s*(from|von|de|da)\\s*:\\s*.+$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^_{10,}\\s*$"));
    /** Outlook's header block: "From:" followed within a few lines by "Sent:"/"Date:" and "Subject:". */
    private static final Pattern HEADER_FIELD = Pattern.compile("^\\s*(sent|gesendet|envoyé|inviato|enviado|date|datum|to|an|à|a|para|subject|betreff|objet|oggetto|asunto|cc)\\s*:", Pattern.CASE_INSENSITIVE);
    private static final List<Pattern> DISCLAIMERS = List.of(
            Pattern.compile("^\\s*(this (e-?mail|message)|the information (contained|in this)|confidentiality notice|disclaimer|"
                    + "diese (e-?mail|nachricht)|ce (message|courriel)|questo messaggio|este (mensaje|correo))", Pattern.CASE_INSENSITIVE));

    private NewText() {}

    public static String of(String body) {
        List<String> lines = body.replace("\r\n", "\n").replace('\r', '\n').lines().toList();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.strip();
            if (trimmed.equals("--") || trimmed.equals("-- ") || line.equals("-- ")) break;          // signature
            // "On … wrote:" introduces "> " lines, which are skipped: text after them (bottom-posting) is kept
            if (QUOTE_STARTS.get(0).matcher(line).find()) continue;
            if (startsQuote(lines, i)) break;
            if (DISCLAIMERS.stream().anyMatch(p -> p.matcher(line).find())) break;
            if (trimmed.startsWith(">")) continue;
            out.add(line);
        }
        return String.join("\n", out).strip();
    }

    private static boolean startsQuote(List<String> lines, int i) {
        String line = lines.get(i);
        for (int p = 0; p < QUOTE_STARTS.size(); p++) {
            if (!QUOTE_STARTS.get(p).matcher(line).find()) continue;
            if (p != 3) return true;
            // a "From:" line only starts a quote when header fields follow (Outlook's block)
            for (int j = i + 1; j < Math.min(lines.size(), i + 5); j++) {
                if (HEADER_FIELD.matcher(lines.get(j)).find()) return true;
            }
        }
        return false;
    }
}
