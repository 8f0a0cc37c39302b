package eu.egi.csirt.cvh.domain.reply;

import eu.egi.csirt.cvh.domain.engine.ReplyIntent;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Gives a reply one intent with its evidence and a confidence. Delivery failures and automatic answers
 * are recognised from their headers first (RFC 3464, RFC 3834) and subjects; then the phrases of
 * {@code config/replies/phrases.yaml} are looked for in the new text only, in the order of
 * {@link Phrases#order()} (a reply saying "mitigated until we can reboot" is a mitigation, not a fix).
 */
public final class ReplyClassifier {

    private final Phrases phrases;

    /** @param order intents in the order they win when several match; phrases per intent, any language */
    public record Phrases(List<ReplyIntent> order, Map<ReplyIntent, List<String>> byIntent, List<String> autoReplySubjects,
                          List<String> bounceSenders, List<String> bounceSubjects, List<String> futureMarkers,
                          List<String> shortAcknowledgements) {}

    public ReplyClassifier(Phrases phrases) {
        Map<ReplyIntent, List<String>> normalised = new EnumMap<>(ReplyIntent.class);
        phrases.byIntent().forEach((intent, list) -> normalised.put(intent, list.stream().map(ReplyClassifier::normalise).toList()));
        this.phrases = new Phrases(phrases.order(), normalised, phrases.autoReplySubjects().stream().map(ReplyClassifier::normalise).toList(),
                phrases.bounceSenders().stream().map(ReplyClassifier::normalise).toList(),
                phrases.bounceSubjects().stream().map(ReplyClassifier::normalise).toList(),
                phrases.futureMarkers().stream().map(ReplyClassifier::normalise).toList(),
                phrases.shortAcknowledgements().stream().map(ReplyClassifier::normalise).toList());
    }

    public Classification classify(Reply reply) {
        String subject = normalise(reply.subject());
        String from = normalise(reply.header("from"));
        if (reply.deliveryReport()) return new Classification(ReplyIntent.BOUNCE, 0.99, "Content-Type: multipart/report (delivery status)");
        for (String s : phrases.bounceSenders()) {
            if (from.contains(s)) {
                for (String b : phrases.bounceSubjects()) {
                    if (subject.contains(b)) return new Classification(ReplyIntent.BOUNCE, 0.95, "from " + s + ", subject \"" + b + "\"");
                }
            }
        }
        String autoSubmitted = reply.header("auto-submitted").toLowerCase(Locale.ROOT);
        if (!autoSubmitted.isBlank() && !autoSubmitted.startsWith("no")) {
            return new Classification(ReplyIntent.AUTO_REPLY, 0.99, "Auto-Submitted: " + autoSubmitted);
        }
        if (!reply.header("x-autoreply").isBlank() || !reply.header("x-autorespond").isBlank()) {
            return new Classification(ReplyIntent.AUTO_REPLY, 0.97, "X-Autoreply header");
        }
        String precedence = reply.header("precedence").toLowerCase(Locale.ROOT);
        if (precedence.contains("auto_reply") || precedence.equals("bulk") || precedence.equals("junk")) {
            return new Classification(ReplyIntent.AUTO_REPLY, 0.9, "Precedence: " + precedence);
        }
        for (String s : phrases.autoReplySubjects()) {
            if (subject.contains(s)) return new Classification(ReplyIntent.AUTO_REPLY, 0.85, "subject \"" + s + "\"");
        }
        String text = normalise(NewText.of(reply.body()));
        List<ReplyIntent> matched = new ArrayList<>();
        String evidence = null;
        for (ReplyIntent intent : phrases.order()) {
            for (String phrase : phrases.byIntent().getOrDefault(intent, List.of())) {
                if (text.contains(phrase) && !(intent == ReplyIntent.FIXED && promised(text, phrase))) {
                    if (matched.isEmpty()) evidence = phrase;
                    matched.add(intent);
                    break;
                }
            }
        }
        if (matched.isEmpty() && text.length() <= 120) {
            for (String phrase : phrases.shortAcknowledgements()) {
                if (text.contains(phrase)) return new Classification(ReplyIntent.ACKNOWLEDGED, 0.6, phrase);
            }
        }
        if (matched.isEmpty()) {
            return new Classification(ReplyIntent.OTHER, 0.3, text.isBlank() ? "no new text" : "no known phrase");
        }
        double confidence = matched.size() == 1 ? 0.9 : 0.7;
        return new Classification(matched.get(0), confidence, evidence);
    }

    /** "will be rebooted on Monday" is a plan, not a fix: a future marker in the phrase's sentence. */
    private boolean promised(String text, String phrase) {
        for (String sentence : text.split("(?<=[.!?;])\\s+")) {
            if (sentence.contains(phrase)) {
                String padded = " " + sentence + " ";
                return phrases.futureMarkers().stream().anyMatch(padded::contains);
            }
        }
        return false;
    }

    /** Lower case, accents folded, whitespace collapsed: "Redémarré" and "redemarre" match. */
    public static String normalise(String s) {
        if (s == null) return "";
        String folded = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return folded.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}
