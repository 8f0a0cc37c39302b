package eu.egi.csirt.cvh.domain.reply;

import eu.egi.csirt.cvh.adapter.mail.ReplyReader;
import eu.egi.csirt.cvh.adapter.reply.PhraseFile;
import eu.egi.csirt.cvh.domain.engine.ReplyIntent;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Seed 002 steps 2-3: what a site's reply means, from its new text only; the shipped phrases. */
class Sdis3_RepliesUnderstoodTest {

    static final ReplyClassifier CLASSIFIER = new ReplyClassifier(PhraseFile.read(Path.of("config/replies/phrases.yaml")));

    static Classification classify(Path eml) throws Exception {
        try (InputStream in = Files.newInputStream(eml)) {
            return CLASSIFIER.classify(ReplyReader.read(in));
        }
    }

    @Test
    void the_four_sample_replies() throws Exception {
        assertThat(classify(Path.of("src/test/resources/mail/01-ack.eml")).intent()).isEqualTo(ReplyIntent.ACKNOWLEDGED);
        assertThat(classify(Path.of("src/test/resources/mail/02-fixed.eml")).intent()).isEqualTo(ReplyIntent.FIXED);
        assertThat(classify(Path.of("src/test/resources/mail/03-mitigation.eml")).intent()).isEqualTo(ReplyIntent.MITIGATED);
        assertThat(classify(Path.of("src/test/resources/mail/04-out-of-office.eml")).intent()).isEqualTo(ReplyIntent.AUTO_REPLY);
    }

    @Test
    void a_quoted_advisory_full_of_alarming_words_decides_nothing() {
        String body = "Noted, thanks.\n\nOn Tue, 24 Nov 2026 at 10:00, EGI CSIRT wrote:\n"
                + "> ALPHA-LCG2 is still vulnerable. The kernel has been updated elsewhere; not affected sites...\n"
                + "> FINAL WARNING: suspension\n";
        Classification c = CLASSIFIER.classify(new Reply(Map.of(), "Re: [CVH X ALPHA] FINAL WARNING", body, false));
        assertThat(c.intent()).isEqualTo(ReplyIntent.ACKNOWLEDGED);
        assertThat(NewText.of(body)).isEqualTo("Noted, thanks.");
    }

    @Test
    void an_outlook_header_block_and_a_signature_and_disclaimer_are_cut() {
        String body = "We have patched all worker nodes.\n\nRegards\n-- \nJane\nThis e-mail is confidential; it may concern vulnerable systems.\n"
                + "From: EGI CSIRT\nSent: Tuesday\nTo: Jane\nSubject: vulnerable\n\nYou are vulnerable and not affected";
        assertThat(NewText.of(body)).isEqualTo("We have patched all worker nodes.\n\nRegards");
        assertThat(CLASSIFIER.classify(new Reply(Map.of(), "RE: x", body, false)).intent()).isEqualTo(ReplyIntent.FIXED);
    }

    @Test
    void a_promise_to_reboot_is_an_acknowledgement_not_a_fix() {
        Classification c = CLASSIFIER.classify(new Reply(Map.of(), "Re: x", "The nodes will be updated and rebooted on Monday.", false));
        assertThat(c.intent()).isEqualTo(ReplyIntent.ACKNOWLEDGED);
    }

    @Test
    void delivery_reports_and_automatic_answers_are_told_by_their_headers() {
        assertThat(CLASSIFIER.classify(new Reply(Map.of(), "Undelivered Mail", "", true)).intent()).isEqualTo(ReplyIntent.BOUNCE);
        assertThat(CLASSIFIER.classify(new Reply(Map.of("precedence", "auto_reply"), "Re: x", "Thanks, fixed", false)).intent())
                .isEqualTo(ReplyIntent.AUTO_REPLY);
        assertThat(CLASSIFIER.classify(new Reply(Map.of(), "Abwesenheitsnotiz: Re: x", "Ich bin nicht im Büro", false)).intent())
                .isEqualTo(ReplyIntent.AUTO_REPLY);
    }

    @Test
    void accents_do_not_matter_and_other_languages_are_understood() {
        assertThat(CLASSIFIER.classify(new Reply(Map.of(), "RE: x", "Nous avons mis à jour le noyau et redémarré les nœuds.", false)).intent())
                .isEqualTo(ReplyIntent.FIXED);
        assertThat(CLASSIFIER.classify(new Reply(Map.of(), "AW: x", "Wir brauchen mehr Zeit, bitte um Fristverlängerung bis 15.12.", false)).intent())
                .isEqualTo(ReplyIntent.NEEDS_TIME);
        assertThat(CLASSIFIER.classify(new Reply(Map.of(), "R: x", "I nostri nodi non sono vulnerabili: non siamo vulnerabili.", false)).intent())
                .isEqualTo(ReplyIntent.NOT_VULNERABLE);
        assertThat(CLASSIFIER.classify(new Reply(Map.of(), "RE: x", "Necesitamos ayuda para aplicar el parche.", false)).intent())
                .isEqualTo(ReplyIntent.NEEDS_HELP);
    }
}
