package eu.egi.csirt.cvh.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.egi.csirt.cvh.adapter.mail.ReplyReader;
import eu.egi.csirt.cvh.adapter.reply.PhraseFile;
import eu.egi.csirt.cvh.domain.reply.Classification;
import eu.egi.csirt.cvh.domain.reply.Reply;
import eu.egi.csirt.cvh.domain.reply.ReplyClassifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Prints, per mail file, one JSON line: what the reply means, with the evidence and confidence. */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Classify reply mails (.eml): one JSON line per file with intent, confidence, evidence, ticket and site.")
public final class ClassifyCommand implements Callable<Integer> {

    private static final Pattern TICKET = Pattern.compile("\\[[\\w.-]+ #(\\d+)]");
    private static final Pattern CVH_TAG = Pattern.compile("\\[CVH (\\S+) (\\S+)]");
    private static final Pattern CVH_KEY = Pattern.compile("\\[cvh:([^/\\]]+)/([^/\\]]+)");

    @Parameters(arity = "1..*", paramLabel = "FILE.eml")
    List<Path> files = new ArrayList<>();

    @Option(names = "--config", description = "configuration folder (default: ${DEFAULT-VALUE})")
    Path config = Path.of("config");

    @Override
    public Integer call() throws Exception {
        ReplyClassifier classifier = new ReplyClassifier(PhraseFile.read(config.resolve("replies/phrases.yaml")));
        ObjectMapper json = new ObjectMapper();
        int failed = 0;
        for (Path file : files) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("file", file.toString());
            try (InputStream in = Files.newInputStream(file)) {
                Reply reply = ReplyReader.read(in);
                Classification c = classifier.classify(reply);
                line.put("intent", c.intent().label());
                line.put("confidence", c.confidence());
                line.put("evidence", c.evidence());
                Matcher t = TICKET.matcher(reply.subject());
                line.put("ticket", t.find() ? t.group(1) : null);
                Matcher tag = CVH_TAG.matcher(reply.subject());
                Matcher key = CVH_KEY.matcher(reply.subject());
                line.put("site", tag.find() ? tag.group(2) : key.find() ? key.group(2) : null);
            } catch (Exception e) {
                line.put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
                failed++;
            }
            System.out.println(json.writeValueAsString(line));
        }
        return failed == 0 ? 0 : 1;
    }
}
