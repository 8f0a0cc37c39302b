package eu.egi.csirt.cvh.domain.procedure;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A whole procedure: how the deadline is set, its steps in order, and the suspension rules.
 *
 * @param deadline       the deadline measured from the advisory or detection
 * @param reintroduction the procedure for a site that turns vulnerable again (SEC03 3), if any
 * @param individualSitesThreshold up to this many affected sites, the advisory goes to each site (SEC03 2.3)
 * @param texts          templates of the mails that decisions send, by event name
 */
public record ProcedureDefinition(
        String id,
        String title,
        String seed,
        Timing deadline,
        List<StepDefinition> steps,
        SuspensionRules suspension,
        Optional<String> reintroduction,
        int individualSitesThreshold,
        Map<String, String> texts,
        String source) {

    /** The template for a decision-driven mail (suspension, extension, reinstatement...). */
    public String text(String event) {
        String t = texts.get(event);
        if (t == null) {
            throw new IllegalStateException(id + ": no template for '" + event + "' under texts: in " + source);
        }
        return t;
    }

    public Optional<StepDefinition> step(String stepId) {
        return steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
    }

    public boolean opensTicket() {
        return steps.stream().anyMatch(s -> s.action() == StepAction.OPEN_TICKET);
    }
}
