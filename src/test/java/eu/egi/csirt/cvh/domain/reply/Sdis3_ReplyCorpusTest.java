package eu.egi.csirt.cvh.domain.reply;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reply corpus (src/test/resources/replies: top- and bottom-posted, HTML-only, multipart, quoted-printable
 * and base64, quoted advisories, Outlook blocks, signatures and disclaimers, bounces, out-of-office, five
 * languages): every mail gets its expected intent.
 */
class Sdis3_ReplyCorpusTest {

    static final Path CORPUS = Path.of("src/test/resources/replies");

    @TestFactory
    List<DynamicTest> every_reply_of_the_corpus_gets_its_expected_intent() throws Exception {
        List<String[]> expected = Files.readAllLines(CORPUS.resolve("expected.csv")).stream().skip(1)
                .filter(l -> !l.isBlank()).map(l -> l.split(",")).toList();
        assertThat(expected).hasSizeGreaterThanOrEqualTo(40);
        return expected.stream().map(row -> DynamicTest.dynamicTest(row[0] + " is " + row[1], () -> {
            Classification c = Sdis3_RepliesUnderstoodTest.classify(CORPUS.resolve(row[0]));
            assertThat(c.intent().name().toLowerCase(Locale.ROOT).replace('_', '-')).as(row[0] + " (evidence: " + c.evidence() + ")")
                    .isEqualTo(row[1]);
        })).toList();
    }
}
