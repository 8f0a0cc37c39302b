package eu.egi.csirt.cvh.domain.engine;

import eu.egi.csirt.cvh.support.EngineFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A tick repeated, or run after a long outage, never sends twice and never misses a step. */
class RestartAndIdempotenceTest {

    private final EngineFixture f = new EngineFixture(Instant.parse("2026-11-24T10:00:00Z"));

    @AfterEach
    void close() { f.close(); }

    @Test
    void ticking_again_at_the_same_time_writes_nothing_new() {
        f.sixVulnerableSites();
        f.start("sec03-critical");
        f.start("sec03-critical");   // the same advisory twice
        f.runUntil(Instant.parse("2026-11-28T10:00:00Z"));
        int before = f.sent.size();
        f.engine.tick();
        f.engine.tick();
        f.deliverMail();
        assertThat(f.sent).hasSize(before);
        assertThat(f.sent("advisory")).hasSize(1);
    }

    @Test
    void after_a_three_day_outage_each_missed_step_runs_once_and_a_repeating_reminder_only_once() {
        f.sixVulnerableSites();
        f.start("sec03-critical");
        f.runUntil(Instant.parse("2026-11-27T11:00:00Z"));
        assertThat(f.sent("ticket")).hasSize(6);
        f.clock.set(Instant.parse("2026-11-30T09:00:00Z"));   // down from Friday to Monday morning: 2 daily checks missed
        f.engine.tick();
        f.deliverMail();
        assertThat(f.sent("reminder")).as("one catch-up reminder per site, not one per missed day").hasSize(6);
        assertThat(f.audit("ALPHA")).filteredOn(a -> a.startsWith("daily-check:")).hasSize(1);
        f.runUntil(Instant.parse("2026-11-30T10:00:00Z"));
        assertThat(f.sent("final-warning")).hasSize(6);
        assertThat(f.sent("ticket")).hasSize(6);
    }
}
