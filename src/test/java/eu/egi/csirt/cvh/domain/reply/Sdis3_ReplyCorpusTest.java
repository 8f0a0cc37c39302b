package eu.egi.csirt.cvh.domain.reply;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reply corpora: every mail gets its expected intent. {@code replies/} (top- and bottom-posted,
 * HTML-only, multipart, quoted-printable and base64, quoted advisories, Outlook blocks, signatures and
 * disclaimers, bounces, out-of-office, five languages) was written with the phrases; {@code replies-holdout/}
 * was written by someone who had not seen them (first pass 20 of 30; 28 after general fixes: negation, questions,
 * partial progress, planned mitigations). A mail listed in its
 * {@code known-misses.csv} must get exactly the wrong answer listed there, so a change either way is seen.
 */
class Sdis3_ReplyCorpusTest {

    static final Path CORPUS = Path.of("src/test/resources/replies");
    static final Path HOLDOUT = Path.of("src/test/resources/replies-holdout");

    @TestFactory
    List<DynamicTest> every_reply_of_the_corpus_gets_its_expected_intent() throws Exception {
        List<String[]> corpus = rows(CORPUS.resolve("expected.csv"));
        List<String[]> holdout = rows(HOLDOUT.resolve("expected.csv"));
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(40);
        assertThat(holdout).hasSizeGreaterThanOrEqualTo(30);
        Map<String, String> knownMisses = rows(HOLDOUT.resolve("known-misses.csv")).stream()
                .collect(Collectors.toMap(r -> r[0], r -> r[1]));
        return Stream.concat(corpus.stream().map(r -> test(CORPUS, r[0], r[1], null)),
                holdout.stream().map(r -> test(HOLDOUT, r[0], r[1], knownMisses.get(r[0])))).toList();
    }

    private static DynamicTest test(Path folder, String file, String expected, String knownMiss) {
        String wanted = knownMiss != null ? knownMiss : expected;
        return DynamicTest.dynamicTest(folder.getFileName() + "/" + file + " is " + wanted, () -> {
            Classification c = Sdis3_RepliesUnderstoodTest.classify(folder.resolve(file));
            assertThat(c.intent().name().toLowerCase(Locale.ROOT).replace('_', '-')).as(file + " (evidence: " + c.evidence() + ")"
                    + (knownMiss != null ? "; a known miss: update known-misses.csv if this changed" : "")).isEqualTo(wanted);
        });
    }

    private static List<String[]> rows(Path csv) throws Exception {
        return Files.readAllLines(csv).stream().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", 3)).toList();
    }
}
