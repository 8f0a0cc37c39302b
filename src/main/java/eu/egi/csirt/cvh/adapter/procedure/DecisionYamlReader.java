package eu.egi.csirt.cvh.adapter.procedure;

import eu.egi.csirt.cvh.domain.engine.Decision;
import eu.egi.csirt.cvh.domain.engine.ReplyIntent;

import java.io.Reader;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static eu.egi.csirt.cvh.adapter.procedure.YamlTree.opt;
import static eu.egi.csirt.cvh.adapter.procedure.YamlTree.req;

/**
 * A decision file dropped in the decisions folder (until the console exists), e.g.
 * <pre>
 * campaign: EGI-SVG-2026-31337
 * site: BETA-GRID
 * decision: extend            # extend | veto | confirm-suspension | cancel-suspension | accept
 *                             # | reinstatement-request | reply
 * new-deadline: 2026-12-08T10:00:00Z
 * by: OMB                     # extend: CSIRT or OMB; veto: OMB-majority or COO
 * reason: downtime agreed for 7 December
 * actor: jane.officer
 * </pre>
 */
public final class DecisionYamlReader {

    private static final Set<String> KEYS = Set.of("campaign", "site", "decision", "new-deadline", "by", "reason",
            "actor", "intent", "text", "cve", "host");

    /** Seed 002 step 1: a host, or a whole site x CVE, that Pakiti reports but is not vulnerable. */
    public record FalsePositive(String site, String cve, String host, String reason, String actor) {}

    /** A false positive (monitoring data), or else a decision for the engine. */
    public static Object readAny(String file, Reader reader) {
        String text = new java.io.BufferedReader(reader).lines().collect(java.util.stream.Collectors.joining("\n"));
        YamlTree root = YamlTree.parse(file, new java.io.StringReader(text));
        Map<String, YamlTree> m = root.mapping(KEYS);
        if (!"false-positive".equals(req(root, m, "decision").scalar())) {
            return read(file, new java.io.StringReader(text));
        }
        return new FalsePositive(req(root, m, "site").scalar(), req(root, m, "cve").scalar(),
                opt(m, "host").map(YamlTree::scalar).orElse(null),
                requireReason(root, opt(m, "reason").map(YamlTree::scalar).orElse("")),
                opt(m, "actor").map(YamlTree::scalar).orElse("decision file " + file));
    }

    private DecisionYamlReader() {}

    public static Decision read(String file, Reader reader) {
        YamlTree root = YamlTree.parse(file, reader);
        Map<String, YamlTree> m = root.mapping(KEYS);
        String campaign = req(root, m, "campaign").scalar();
        String site = req(root, m, "site").scalar();
        String actor = opt(m, "actor").map(YamlTree::scalar).orElse("decision file " + file);
        String reason = opt(m, "reason").map(YamlTree::scalar).orElse("");
        YamlTree kind = req(root, m, "decision");
        return switch (kind.scalar()) {
            case "extend" -> new Decision.Extend(campaign, site,
                    req(root, m, "new-deadline").as("ISO-8601 instant", Instant::parse),
                    req(root, m, "by").as("CSIRT or OMB", b -> {
                        if (!b.equals("CSIRT") && !b.equals("OMB")) throw new IllegalArgumentException("use CSIRT or OMB");
                        return b;
                    }), requireReason(root, reason), actor);
            case "veto" -> new Decision.Veto(campaign, site, req(root, m, "by").as("OMB-majority or COO", b -> {
                if (!b.equals("OMB-majority") && !b.equals("COO")) throw new IllegalArgumentException("use OMB-majority or COO");
                return b;
            }), requireReason(root, reason), actor);
            case "confirm-suspension" -> new Decision.ConfirmSuspension(campaign, site, requireReason(root, reason), actor);
            case "cancel-suspension" -> new Decision.CancelSuspension(campaign, site, requireReason(root, reason), actor);
            case "accept" -> new Decision.Accept(campaign, site, requireReason(root, reason), actor);
            case "refuse" -> new Decision.Refuse(campaign, site, requireReason(root, reason), actor);
            case "reinstatement-request" -> new Decision.ReinstatementRequest(campaign, site, actor);
            case "reply" -> new Decision.SiteReply(campaign, site,
                    req(root, m, "intent").as("intent", ReplyIntent::parse),
                    opt(m, "text").map(YamlTree::scalar).orElse(""), actor);
            default -> throw kind.error("unknown decision '" + kind.scalar() + "'; use extend, veto, confirm-suspension,"
                    + " cancel-suspension, accept, refuse, reinstatement-request or reply");
        };
    }

    private static String requireReason(YamlTree root, String reason) {
        if (reason.isBlank()) throw root.error("a reason is required for this decision (it goes to the audit trail and the OMB)");
        return reason;
    }
}
