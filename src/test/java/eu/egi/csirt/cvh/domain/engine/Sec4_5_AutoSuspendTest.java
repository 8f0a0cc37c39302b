package eu.egi.csirt.cvh.domain.engine;

import eu.egi.csirt.cvh.domain.campaign.CaseStatus;
import eu.egi.csirt.cvh.domain.procedure.ProcedureDefinition;
import eu.egi.csirt.cvh.domain.procedure.SuspensionRules;
import eu.egi.csirt.cvh.port.ProcedureCatalog;
import eu.egi.csirt.cvh.support.EngineFixture;
import eu.egi.csirt.cvh.support.Procedures;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** SEC03 4.2/4.5 with `auto-suspend: true`: at the deadline the engine suspends without waiting for the officer. */
class Sec4_5_AutoSuspendTest {

    private static ProcedureDefinition autoSuspend(ProcedureDefinition p) {
        SuspensionRules r = p.suspension();
        return new ProcedureDefinition(p.id(), p.title(), p.seed(), p.deadline(), p.steps(),
                new SuspensionRules(r.minNotifications(), r.minIndividual(), r.finalWarningHours(), true),
                p.reintroduction(), p.individualSitesThreshold(), p.texts(), p.source());
    }

    @Test
    void with_auto_suspend_the_site_is_suspended_at_the_deadline_and_everyone_is_told() {
        ProcedureCatalog auto = new ProcedureCatalog() {
            public Optional<ProcedureDefinition> find(String id) { return Procedures.catalog().find(id).map(Sec4_5_AutoSuspendTest::autoSuspend); }
            public Collection<ProcedureDefinition> all() { return Procedures.catalog().all(); }
        };
        try (EngineFixture f = new EngineFixture(Instant.parse("2026-11-24T10:00:00Z"), EngineFixture.memoryDatabase(), "SA", auto)) {
            f.sixVulnerableSites();
            f.start("sec03-critical");
            f.runUntil(Instant.parse("2026-12-01T09:00:00Z"));
            assertThat(f.caseOf("ADV-1", "ALPHA").status()).isEqualTo(CaseStatus.OPEN);
            f.runUntil(Instant.parse("2026-12-01T10:00:00Z"));
            assertThat(f.caseOf("ADV-1", "ALPHA").status()).isEqualTo(CaseStatus.SUSPENDED);
            assertThat(f.sent("suspension-decision")).hasSize(6);
            assertThat(f.sent("suspension-notice")).hasSize(6);
            assertThat(f.sent("suspension-carried-out")).hasSize(6);
            assertThat(f.sent("decision-needed")).isEmpty();
        }
    }
}
