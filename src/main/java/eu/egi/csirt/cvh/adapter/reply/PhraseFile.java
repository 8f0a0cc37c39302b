package eu.egi.csirt.cvh.adapter.reply;

import eu.egi.csirt.cvh.adapter.procedure.YamlTree;
import eu.egi.csirt.cvh.domain.engine.ReplyIntent;
import eu.egi.csirt.cvh.domain.reply.ReplyClassifier;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static eu.egi.csirt.cvh.adapter.procedure.YamlTree.req;

/** Reads {@code config/replies/phrases.yaml}; errors name the file and line. */
public final class PhraseFile {
    private PhraseFile() {}

    public static ReplyClassifier.Phrases read(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            YamlTree root = YamlTree.parse(file.toString(), r);
            Map<String, YamlTree> m = root.mapping(Set.of("order", "intents", "auto-reply-subjects", "bounce-senders", "bounce-subjects",
                    "future-markers", "negation-markers", "partial-markers"));
            List<ReplyIntent> order = req(root, m, "order").sequence().stream().map(t -> t.as("intent", ReplyIntent::parse)).toList();
            Map<ReplyIntent, List<String>> byIntent = new EnumMap<>(ReplyIntent.class);
            YamlTree intents = req(root, m, "intents");
            List<String> shortAcks = new java.util.ArrayList<>();
            List<String> shortFixes = new java.util.ArrayList<>();
            intents.mapping(Set.of("fixed", "mitigated", "not-vulnerable", "needs-help", "needs-time", "acknowledged",
                    "short-acknowledgements", "short-fixes")).forEach((name, list) -> {
                if (name.equals("short-acknowledgements")) shortAcks.addAll(strings(list));
                else if (name.equals("short-fixes")) shortFixes.addAll(strings(list));
                else byIntent.put(ReplyIntent.parse(name), strings(list));
            });
            return new ReplyClassifier.Phrases(order, byIntent, strings(req(root, m, "auto-reply-subjects")),
                    strings(req(root, m, "bounce-senders")), strings(req(root, m, "bounce-subjects")),
                    strings(req(root, m, "future-markers")), shortAcks,
                    m.containsKey("negation-markers") ? strings(m.get("negation-markers")) : List.of(),
                    m.containsKey("partial-markers") ? strings(m.get("partial-markers")) : List.of(), shortFixes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static List<String> strings(YamlTree list) {
        return list.sequence().stream().map(YamlTree::scalar).toList();
    }
}
