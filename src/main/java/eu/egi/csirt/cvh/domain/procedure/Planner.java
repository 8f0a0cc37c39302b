package eu.egi.csirt.cvh.domain.procedure;

import eu.egi.csirt.cvh.domain.calendar.WorkingCalendar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Turns a procedure and a case's anchors into dated step occurrences. Pure and deterministic. */
public final class Planner {

    /** No repeating step may produce more occurrences than this (a guard against bad YAML). */
    static final int MAX_OCCURRENCES = 400;

    private final WorkingCalendar calendar;

    public Planner(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    /** SEC03 2.3 / 3.1: the deadline measured from the advisory (or the detection). */
    public Instant deadline(ProcedureDefinition procedure, Instant start) {
        Anchors anchors = new Anchors().with(Anchor.ADVISORY, start).with(Anchor.DETECTED, start);
        return procedure.deadline().resolve(anchors, calendar)
                .orElseThrow(() -> new IllegalArgumentException(
                        procedure.id() + ": deadline must be measured from advisory or detected"));
    }

    /** The occurrences of every step whose anchor is known, in time order (YAML order breaks ties). */
    public List<PlannedStep> schedule(ProcedureDefinition procedure, Anchors anchors) {
        List<PlannedStep> out = new ArrayList<>();
        for (StepDefinition step : procedure.steps()) {
            occurrences(step, anchors).forEach(out::add);
        }
        out.sort(Comparator.comparing(PlannedStep::at).thenComparing(p -> procedure.steps().indexOf(p.step())));
        return out;
    }

    /**
     * The whole plan of a site that never acts, for the {@code plan} command: the ticket is assumed
     * opened when its step is due.
     */
    public List<PlannedStep> plan(ProcedureDefinition procedure, Instant issued) {
        Instant deadline = deadline(procedure, issued);
        Anchors anchors = new Anchors().with(Anchor.ADVISORY, issued).with(Anchor.DETECTED, issued)
                .with(Anchor.DEADLINE, deadline);
        procedure.steps().stream().filter(s -> s.action() == StepAction.OPEN_TICKET).findFirst()
                .flatMap(s -> s.at().resolve(anchors, calendar))
                .ifPresent(opened -> anchors.with(Anchor.TICKET_OPENED, opened));
        return schedule(procedure, anchors);
    }

    private List<PlannedStep> occurrences(StepDefinition step, Anchors anchors) {
        Optional<Instant> first = step.at().resolve(anchors, calendar);
        if (first.isEmpty()) {
            return List.of();
        }
        if (step.repeat().isEmpty()) {
            return List.of(new PlannedStep(step, first.get(), 0));
        }
        Repeat repeat = step.repeat().get();
        Optional<Instant> until = repeat.until().resolve(anchors, calendar);
        if (until.isEmpty()) {
            return List.of();
        }
        List<PlannedStep> out = new ArrayList<>();
        Instant t = first.get();
        for (int n = 0; t.isBefore(until.get()) && n < MAX_OCCURRENCES; n++) {
            out.add(new PlannedStep(step, t, n));
            t = repeat.every().applyTo(t, calendar);
        }
        return out;
    }
}
