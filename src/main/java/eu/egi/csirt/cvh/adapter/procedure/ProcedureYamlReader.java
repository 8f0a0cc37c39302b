package eu.egi.csirt.cvh.adapter.procedure;

import eu.egi.csirt.cvh.domain.procedure.Anchor;
import eu.egi.csirt.cvh.domain.procedure.Condition;
import eu.egi.csirt.cvh.domain.procedure.DayAdjust;
import eu.egi.csirt.cvh.domain.procedure.NotificationKind;
import eu.egi.csirt.cvh.domain.procedure.Offset;
import eu.egi.csirt.cvh.domain.procedure.ProcedureDefinition;
import eu.egi.csirt.cvh.domain.procedure.Repeat;
import eu.egi.csirt.cvh.domain.procedure.Role;
import eu.egi.csirt.cvh.domain.procedure.StepAction;
import eu.egi.csirt.cvh.domain.procedure.StepDefinition;
import eu.egi.csirt.cvh.domain.procedure.SuspensionRules;
import eu.egi.csirt.cvh.domain.procedure.Timing;

import java.io.Reader;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import static eu.egi.csirt.cvh.adapter.procedure.YamlTree.opt;
import static eu.egi.csirt.cvh.adapter.procedure.YamlTree.req;

/** Reads one {@code config/procedures/*.yaml} file; every error names the file and line. */
public final class ProcedureYamlReader {

    private static final Set<String> TOP_KEYS = Set.of("id", "title", "seed", "deadline", "individual-sites-threshold",
            "reintroduction", "suspension", "texts", "steps");
    private static final Set<String> STEP_KEYS = Set.of("id", "section", "action", "at", "repeat", "when",
            "template", "templates", "to", "cc", "individual-to", "notification", "optional", "note");
    private static final Set<String> TIMING_KEYS = Set.of("anchor", "calendar-days", "working-days", "hours", "adjust");
    private static final Set<String> OFFSET_KEYS = Set.of("calendar-days", "working-days", "hours");
    private static final Set<String> SUSPENSION_KEYS = Set.of("min-notifications", "min-individual",
            "final-warning-hours", "auto-suspend");

    private final Predicate<String> templateExists;

    /** @param templateExists tells whether a template name is known, so a typo fails at load, not at send */
    public ProcedureYamlReader(Predicate<String> templateExists) {
        this.templateExists = templateExists;
    }

    public ProcedureDefinition read(String file, Reader reader) {
        YamlTree root = YamlTree.parse(file, reader);
        Map<String, YamlTree> top = root.mapping(TOP_KEYS);
        String id = req(root, top, "id").scalar();
        String source = file;
        List<StepDefinition> steps = new ArrayList<>();
        Set<String> stepIds = new HashSet<>();
        boolean ticketSeen = false;
        for (YamlTree stepNode : req(root, top, "steps").sequence()) {
            StepDefinition step = step(stepNode);
            if (!stepIds.add(step.id())) {
                throw stepNode.error("duplicate step id '" + step.id() + "'");
            }
            boolean usesTicket = step.at().anchor() == Anchor.TICKET_OPENED
                    || step.repeat().map(r -> r.until().anchor() == Anchor.TICKET_OPENED).orElse(false);
            if (usesTicket && !ticketSeen) {
                throw stepNode.error("step '" + step.id() + "' is timed from ticket-opened, but no open-ticket step comes before it");
            }
            ticketSeen |= step.action() == StepAction.OPEN_TICKET;
            steps.add(step);
        }
        Timing deadline = timing(req(root, top, "deadline"));
        if (deadline.anchor() != Anchor.ADVISORY && deadline.anchor() != Anchor.DETECTED) {
            throw top.get("deadline").error("the deadline is measured from advisory or detected");
        }
        SuspensionRules suspension = opt(top, "suspension").map(this::suspension).orElse(SuspensionRules.SEC03);
        Map<String, String> texts = new LinkedHashMap<>();
        opt(top, "texts").ifPresent(t -> t.mapping(Set.of("suspension-decision", "suspension-notice",
                "suspension-carried-out", "extension", "reinstatement", "decision-needed", "ticket-closed",
                "suspension-request", "suspension-request-reminder", "reply-decision", "pakiti-client", "fix-not-confirmed",
                "mitigation-escalation", "contact-bounced", "refused", "suspension-request-cancelled")).forEach(
                (k, v) -> texts.put(k, template(v))));
        return new ProcedureDefinition(id,
                opt(top, "title").map(YamlTree::scalar).orElse(id),
                opt(top, "seed").map(YamlTree::scalar).orElse(""),
                deadline, List.copyOf(steps), suspension,
                opt(top, "reintroduction").map(YamlTree::scalar),
                opt(top, "individual-sites-threshold").map(t -> t.as("number", Integer::parseInt)).orElse(5),
                Map.copyOf(texts), source);
    }

    private StepDefinition step(YamlTree node) {
        Map<String, YamlTree> m = node.mapping(STEP_KEYS);
        String id = req(node, m, "id").scalar();
        StepAction action = req(node, m, "action").as("action (" + names(StepAction.values()) + ")", StepAction::parse);
        Map<String, String> templates = new LinkedHashMap<>();
        opt(m, "template").ifPresent(t -> templates.put("default", template(t)));
        opt(m, "templates").ifPresent(t -> t.mapping(Set.of("default", "vulnerable", "fixed"))
                .forEach((k, v) -> templates.put(k, template(v))));
        if (templates.isEmpty()) {
            throw node.error("step '" + id + "' needs a template (or templates:)");
        }
        List<Role> to = roles(m, "to");
        if (to.isEmpty()) {
            throw node.error("step '" + id + "' needs recipients (to:)");
        }
        Set<Condition> when = EnumSet.noneOf(Condition.class);
        opt(m, "when").ifPresent(w -> w.sequence().forEach(c -> when.add(c.as("condition (" + names(Condition.values()) + ")", Condition::parse))));
        Optional<Repeat> repeat = opt(m, "repeat").map(r -> {
            Map<String, YamlTree> rm = r.mapping(Set.of("every", "until"));
            Offset every = offset(req(r, rm, "every").mapping(OFFSET_KEYS));
            if (!every.isPositive()) {
                throw r.error("repeat.every must be positive");
            }
            return new Repeat(every, timing(req(r, rm, "until")));
        });
        return new StepDefinition(id,
                req(node, m, "section").scalar(),
                action,
                timing(req(node, m, "at")),
                repeat,
                when,
                Map.copyOf(templates),
                to,
                roles(m, "cc"),
                roles(m, "individual-to"),
                opt(m, "notification").map(n -> n.as("notification (" + names(NotificationKind.values()) + ")",
                        s -> NotificationKind.valueOf(s.toUpperCase(java.util.Locale.ROOT).replace('-', '_'))))
                        .orElse(action.notification()),
                opt(m, "optional").map(o -> o.as("boolean", ProcedureYamlReader::bool)).orElse(false),
                node.line());
    }

    private String template(YamlTree t) {
        String name = t.scalar();
        if (!templateExists.test(name)) {
            throw t.error("template '" + name + "' not found under config/templates/");
        }
        return name;
    }

    private List<Role> roles(Map<String, YamlTree> m, String key) {
        return opt(m, key).map(r -> r.sequence().stream()
                .map(x -> x.as("recipient (" + names(Role.values()) + ")", Role::parse)).toList()).orElse(List.of());
    }

    private Timing timing(YamlTree node) {
        Map<String, YamlTree> m = node.mapping(TIMING_KEYS);
        Anchor anchor = req(node, m, "anchor").as("anchor (" + names(Anchor.values()) + ")", Anchor::parse);
        DayAdjust adjust = opt(m, "adjust").map(a -> a.as("adjust (" + names(DayAdjust.values()) + ")", DayAdjust::parse))
                .orElse(DayAdjust.NONE);
        return new Timing(anchor, offset(m), adjust);
    }

    private Offset offset(Map<String, YamlTree> m) {
        return new Offset(
                opt(m, "calendar-days").map(v -> v.as("whole number of days", Long::parseLong)).orElse(0L),
                opt(m, "working-days").map(v -> v.as("number of working days", Double::parseDouble)).orElse(0.0),
                opt(m, "hours").map(v -> v.as("whole number of hours", Long::parseLong)).orElse(0L));
    }

    private SuspensionRules suspension(YamlTree node) {
        Map<String, YamlTree> m = node.mapping(SUSPENSION_KEYS);
        SuspensionRules d = SuspensionRules.SEC03;
        return new SuspensionRules(
                opt(m, "min-notifications").map(v -> v.as("number", Integer::parseInt)).orElse(d.minNotifications()),
                opt(m, "min-individual").map(v -> v.as("number", Integer::parseInt)).orElse(d.minIndividual()),
                opt(m, "final-warning-hours").map(v -> v.as("number", Long::parseLong)).orElse(d.finalWarningHours()),
                opt(m, "auto-suspend").map(v -> v.as("boolean", ProcedureYamlReader::bool)).orElse(d.autoSuspend()));
    }

    static boolean bool(String s) {
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException("use true or false");
        };
    }

    private static String names(Enum<?>[] values) {
        List<String> out = new ArrayList<>();
        for (Enum<?> v : values) {
            out.add(v.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
        return String.join(", ", out);
    }
}
