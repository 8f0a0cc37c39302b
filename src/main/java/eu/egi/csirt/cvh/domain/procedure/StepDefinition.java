package eu.egi.csirt.cvh.domain.procedure;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One step of a procedure as written in {@code config/procedures/*.yaml}.
 *
 * @param templates template names by variant: "default", and for some actions
 *                  "fixed"/"vulnerable" (CHECK, PROGRESS_CHECK)
 * @param individualTo  recipients when the advisory goes to each site instead of the lists (SEC03 2.3)
 * @param notification  how the mail counts towards SEC03 5.4
 * @param line          the step's line in its YAML file, for error messages and tracing
 */
public record StepDefinition(
        String id,
        String section,
        StepAction action,
        Timing at,
        Optional<Repeat> repeat,
        Set<Condition> when,
        Map<String, String> templates,
        List<Role> to,
        List<Role> cc,
        List<Role> individualTo,
        NotificationKind notification,
        boolean optional,
        int line) {

    public String template(String variant) {
        String t = templates.get(variant);
        return t != null ? t : templates.get("default");
    }
}
