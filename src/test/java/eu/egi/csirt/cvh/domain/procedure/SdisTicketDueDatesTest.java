package eu.egi.csirt.cvh.domain.procedure;

import eu.egi.csirt.cvh.domain.calendar.WorkingCalendar;
import eu.egi.csirt.cvh.support.Procedures;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** SDIS-1, 2a, 2b, 3b: due 3 days after creation; checks 1 and 0.5 working day before due. */
class SdisTicketDueDatesTest {

    @Test
    void a_monday_ticket_is_due_thursday_with_checks_one_and_half_a_working_day_before() {
        List<PlannedStep> plan = new Planner(WorkingCalendar.standard())
                .plan(Procedures.sdisTicket(), Instant.parse("2026-11-30T10:00:00Z"));
        assertThat(plan).extracting(p -> p.section() + " " + p.step().id() + " " + p.at()).containsExactly(
                "SDIS-1 ticket 2026-11-30T10:00:00Z",
                "SDIS-2a friendly-reminder 2026-12-02T10:00:00Z",
                "SDIS-2b progress-check 2026-12-02T10:00:00Z",
                "SDIS-2a last-reminder 2026-12-02T14:00:00Z",
                "SDIS-3b suspend-after-due 2026-12-03T10:00:00Z",
                "SDIS-3b decide-after-due 2026-12-03T10:00:00Z");
    }
}
