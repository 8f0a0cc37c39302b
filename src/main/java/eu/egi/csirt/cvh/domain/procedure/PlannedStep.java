package eu.egi.csirt.cvh.domain.procedure;

import java.time.Instant;

/** One occurrence of a step at its instant; {@code key} is stable and names the occurrence. */
public record PlannedStep(StepDefinition step, Instant at, int occurrence) {

    public String key() {
        return step.id() + "@" + at;
    }

    public String section() {
        return step.section();
    }
}
