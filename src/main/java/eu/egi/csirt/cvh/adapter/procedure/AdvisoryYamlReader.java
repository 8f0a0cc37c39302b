package eu.egi.csirt.cvh.adapter.procedure;

import eu.egi.csirt.cvh.domain.campaign.Advisory;
import eu.egi.csirt.cvh.domain.campaign.AdvisoryScope;

import java.io.Reader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static eu.egi.csirt.cvh.adapter.procedure.YamlTree.opt;
import static eu.egi.csirt.cvh.adapter.procedure.YamlTree.req;

/**
 * An advisory file (the start of a campaign), e.g.
 * <pre>
 * id: EGI-SVG-2026-31337
 * title: Critical kernel privilege escalation
 * cves: [CVE-2026-31337]
 * procedure: sec03-critical
 * issued: 2026-11-24T10:00:00Z      # optional, default: when the file is read
 * advisory-url: https://advisories.example.org/EGI-SVG-2026-31337
 * advisory: |
 *   Update the kernel and reboot.
 * sites: from-pakiti                # or a list of site names
 * heads-up: false
 * advisory-to: auto                 # auto | lists | individual
 * </pre>
 */
public final class AdvisoryYamlReader {

    private static final Set<String> KEYS = Set.of("id", "title", "cves", "procedure", "issued", "advisory-url",
            "advisory", "sites", "heads-up", "advisory-to");
    private static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private AdvisoryYamlReader() {}

    /**
     * @param knownProcedures    the procedures loaded now
     * @param procedureErrors    the procedure files that failed to load, so an unknown procedure names its cause
     */
    public static Advisory read(String file, Reader reader, Instant now, Set<String> knownProcedures, List<String> procedureErrors) {
        YamlTree root = YamlTree.parse(file, reader);
        Map<String, YamlTree> m = root.mapping(KEYS);
        String defaultId = Path.of(file).getFileName().toString().replaceFirst("\\.ya?ml$", "");
        String id = opt(m, "id").map(YamlTree::scalar).orElse(defaultId);
        if (!ID.matcher(id).matches()) {
            throw (m.containsKey("id") ? m.get("id") : root).error("campaign id '" + id + "' must be letters, digits, '.', '_' or '-'");
        }
        List<String> cves = req(root, m, "cves").sequence().stream().map(c -> {
            String v = c.scalar().trim();
            if (!CVE.matcher(v).matches()) throw c.error("'" + v + "' is not a CVE id (CVE-YYYY-NNNN)");
            return v;
        }).toList();
        if (cves.isEmpty()) throw m.get("cves").error("at least one CVE is needed");
        List<String> sites = opt(m, "sites").map(s -> s.isScalar() && s.scalar().equals("from-pakiti") ? List.<String>of()
                : s.sequence().stream().map(YamlTree::scalar).toList()).orElse(List.of());
        Optional<AdvisoryScope> scope = opt(m, "advisory-to").map(a -> a.as("advisory-to (auto, lists, individual)", v -> switch (v) {
            case "auto" -> null;
            case "lists" -> AdvisoryScope.LISTS;
            case "individual" -> AdvisoryScope.INDIVIDUAL;
            default -> throw new IllegalArgumentException("use auto, lists or individual");
        })).map(Optional::ofNullable).orElse(Optional.empty());
        YamlTree procedureNode = req(root, m, "procedure");
        String procedure = procedureNode.scalar();
        if (!knownProcedures.contains(procedure)) {
            throw procedureNode.error("unknown procedure '" + procedure + "'; known: " + String.join(", ", new java.util.TreeSet<>(knownProcedures))
                    + (procedureErrors.isEmpty() ? "" : "; procedure files with errors: " + String.join("; ", procedureErrors)));
        }
        return new Advisory(id,
                req(root, m, "title").scalar(),
                procedure,
                cves,
                opt(m, "advisory-url").map(YamlTree::scalar).orElse(""),
                opt(m, "advisory").map(YamlTree::scalar).orElse(""),
                opt(m, "issued").map(i -> i.as("ISO-8601 instant (2026-11-24T10:00:00Z)", Instant::parse)).orElse(now),
                sites,
                opt(m, "heads-up").map(h -> h.as("boolean", ProcedureYamlReader::bool)).orElse(false),
                scope,
                file,
                opt(m, "mitigations").map(n -> n.sequence().stream().map(YamlTree::scalar).map(String::strip).toList()).orElse(List.of()));
    }

    private static final class Path {
        static java.nio.file.Path of(String s) { return java.nio.file.Path.of(s); }
    }
}
