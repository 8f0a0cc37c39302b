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
                          List<String> shortAcknowledgements, List<String> negationMarkers, List<String> partialMarkers,
                          List<String> shortFixes) {

        public Phrases(List<ReplyIntent> order, Map<ReplyIntent, List<String>> byIntent, List<String> autoReplySubjects,
                       List<String> bounceSenders, List<String> bounceSubjects, List<String> futureMarkers,
                       List<String> shortAcknowledgements) {
            this(order, byIntent, autoReplySubjects, bounceSenders, bounceSubjects, futureMarkers, shortAcknowledgements,
                    List.of(), List.of(), List.of());
        }
    }

    public ReplyClassifier(Phrases phrases) {
        Map<ReplyIntent, List<String>> normalised = new EnumMap<>(ReplyIntent.class);
        phrases.byIntent().forEach((intent, list) -> normalised.put(intent, list.stream().map(ReplyClassifier::normalise).toList()));
        this.phrases = new Phrases(phrases.order(), normalised, phrases.autoReplySubjects().stream().map(ReplyClassifier::normalise).toList(),
                phrases.bounceSenders().stream().map(ReplyClassifier::normalise).toList(),
                phrases.bounceSubjects().stream().map(ReplyClassifier::normalise).toList(),
                phrases.futureMarkers().stream().map(ReplyClassifier::normalise).toList(),
                phrases.shortAcknowledgements().stream().map(ReplyClassifier::normalise).toList(),
                phrases.negationMarkers().stream().map(ReplyClassifier::word).toList(),
                phrases.partialMarkers().stream().map(ReplyClassifier::word).toList(),
                phrases.shortFixes().stream().map(ReplyClassifier::normalise).toList());
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
                if (claims(text, phrase, intent)) {
                    if (matched.isEmpty()) evidence = phrase;
                    matched.add(intent);
                    break;
                }
            }
        }
        if (!matched.isEmpty() && matched.get(0) == ReplyIntent.FIXED) {
            // "patched 180 of 212 nodes so far, the remaining next week" is progress, not a fix
            for (String marker : phrases.partialMarkers()) {
                if ((" " + text + " ").contains(marker)) {
                    return new Classification(ReplyIntent.ACKNOWLEDGED, 0.7, evidence + ", but \"" + marker.strip() + "\": partly done");
                }
            }
        }
        if (matched.isEmpty() && text.length() <= 40) {
            for (String phrase : phrases.shortFixes()) {
                if (words(text).contains(phrase)) return new Classification(ReplyIntent.FIXED, 0.6, phrase);
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

    /**
     * A phrase counts where the site states it: not after a negation in its sentence ("we did not apply
     * the mitigation"), not in a question ("is there a mitigation?"), and a fix or mitigation not as a plan
     * ("the nodes will be drained on Saturday").
     */
    private boolean claims(String text, String phrase, ReplyIntent intent) {
        boolean stated = false;
        for (String sentence : text.split("(?<=[.!?;])\\s+")) {
            int at = sentence.indexOf(phrase);
            if (at < 0) continue;
            String before = " " + sentence.substring(Math.max(0, at - 40), at);
            // "not vulnerable" phrases are negative themselves: "our nodes are not ... not vulnerable" stays one
            if (intent != ReplyIntent.NOT_VULNERABLE && phrases.negationMarkers().stream().anyMatch(before::contains)) continue;
            if ((intent == ReplyIntent.FIXED || intent == ReplyIntent.MITIGATED) && sentence.strip().endsWith("?")) continue;
            stated = true;
            break;
        }
        return stated && !(intent == ReplyIntent.FIXED && promised(text, phrase))
                && !(intent == ReplyIntent.MITIGATED && promised(text, phrase, true));
    }

    private static List<String> words(String text) {
        return List.of(text.replaceAll("[^\\p{L}\\p{N} ]", " ").strip().split("\\s+"));
    }

    /** "will be rebooted on Monday" is a plan, not a fix: a future marker in the phrase's sentence. */
    private boolean promised(String text, String phrase) {
        return promised(text, phrase, false);
    }

    /** @param beforeOnly only a marker before the phrase counts ("will be drained", not "set ... until the reboot next week") */
    private boolean promised(String text, String phrase, boolean beforeOnly) {
        for (String sentence : text.split("(?<=[.!?;])\\s+")) {
            if (sentence.contains(phrase)) {
                String padded = " " + (beforeOnly ? sentence.substring(0, sentence.indexOf(phrase)) : sentence) + " ";
                return phrases.futureMarkers().stream().anyMatch(padded::contains);
            }
        }
        return false;
    }

    /** A marker matched as whole words: " not " does not match "nothing"; "'t " matches "don't". */
    private static String word(String marker) {
        String m = normalise(marker);
        return (Character.isLetterOrDigit(m.charAt(0)) ? " " : "") + m + (Character.isLetterOrDigit(m.charAt(m.length() - 1)) ? " " : "");
    }

    /** Lower case, accents folded, whitespace collapsed: "Redémarré" and "redemarre" match. */
    public static String normalise(String s) {
        if (s == null) return "";
        String folded = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return folded.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}
