package eu.egi.csirt.cvh.domain.engine;

import eu.egi.csirt.cvh.domain.campaign.CaseStatus;
import eu.egi.csirt.cvh.support.EngineFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SEC03 4.3 (more time for a site) and 4.4 (OMB majority or COO veto: no suspension). */
class Sec4_3_And_4_4_ExtensionAndVetoTest {

    private static final Instant ISSUED = Instant.parse("2026-11-24T10:00:00Z");
    private final EngineFixture f = new EngineFixture(ISSUED);

    @BeforeEach
    void start() {
        f.sixVulnerableSites();
        f.start("sec03-critical");
    }

    @AfterEach
    void close() { f.close(); }

    @Test
    void sec4_3_an_extension_moves_the_final_warning_and_the_proposal_and_tells_the_site() {
        f.runUntil(Instant.parse("2026-11-28T12:00:00Z"));
        String outcome = f.engine.decide(new Decision.Extend("ADV-1", "BETA", Instant.parse("2026-12-08T10:00:00Z"),
                "OMB", "kernel update needs a downtime agreed with the experiments", "officer"));
        assertThat(outcome).contains("deadline extended to 2026-12-08T10:00:00Z by OMB");
        f.runUntil(Instant.parse("2026-12-01T12:00:00Z"));
        assertThat(f.sent("extension")).singleElement().satisfies(p ->
                assertThat(p.entry().body()).contains("Tuesday 8 December 2026").contains("granted by OMB"));
        assertThat(f.caseOf("ADV-1", "BETA").status()).isEqualTo(CaseStatus.OPEN);
        assertThat(f.caseOf("ADV-1", "ALPHA").status()).isEqualTo(CaseStatus.SUSPENSION_PROPOSED);
        assertThat(f.sent("final-warning").stream().filter(p -> p.entry().site().equals("BETA"))).isEmpty();
        assertThat(f.sent("omb-summary").get(0).entry().body()).contains("extension: kernel update needs a downtime");
        f.runUntil(Instant.parse("2026-12-08T10:00:00Z"));
        assertThat(f.sent("final-warning").stream().filter(p -> p.entry().site().equals("BETA"))).hasSize(1);
        assertThat(f.caseOf("ADV-1", "BETA").status()).isEqualTo(CaseStatus.SUSPENSION_PROPOSED);
        assertThat(f.sent("reminder").stream().filter(p -> p.entry().site().equals("BETA")).count())
                .as("daily reminders continue until the new final warning").isGreaterThan(5);
    }

    @Test
    void sec4_3_an_extension_into_the_past_is_refused() {
        f.runUntil(Instant.parse("2026-11-28T12:00:00Z"));
        assertThatThrownBy(() -> f.engine.decide(new Decision.Extend("ADV-1", "BETA", Instant.parse("2026-11-27T10:00:00Z"),
                "CSIRT", "x", "officer"))).isInstanceOf(DecisionRefusedException.class).hasMessageContaining("not in the future");
    }

    @Test
    void sec4_3_a_proposed_suspension_is_withdrawn_by_an_extension() {
        f.runUntil(Instant.parse("2026-12-01T11:00:00Z"));
        assertThat(f.caseOf("ADV-1", "GAMMA").status()).isEqualTo(CaseStatus.SUSPENSION_PROPOSED);
        f.engine.decide(new Decision.Extend("ADV-1", "GAMMA", Instant.parse("2026-12-03T10:00:00Z"), "CSIRT", "patch scheduled", "officer"));
        assertThat(f.caseOf("ADV-1", "GAMMA").status()).isEqualTo(CaseStatus.OPEN);
        assertThatThrownBy(() -> f.engine.decide(new Decision.ConfirmSuspension("ADV-1", "GAMMA", "x", "officer")))
                .isInstanceOf(DecisionRefusedException.class).hasMessageContaining("not SUSPENSION_PROPOSED");
    }

    @Test
    void sec4_4_a_coo_veto_means_no_suspension_and_no_more_warnings() {
        f.runUntil(Instant.parse("2026-11-30T12:00:00Z"));
        f.engine.decide(new Decision.Veto("ADV-1", "DELTA", "COO", "site hosts a critical data-taking service this week", "officer"));
        f.runUntil(Instant.parse("2026-12-02T12:00:00Z"));
        assertThat(f.caseOf("ADV-1", "DELTA").status()).isEqualTo(CaseStatus.VETOED);
        assertThat(f.sent("decision-needed").stream().filter(p -> p.entry().site().equals("DELTA"))).isEmpty();
        assertThatThrownBy(() -> f.engine.decide(new Decision.ConfirmSuspension("ADV-1", "DELTA", "x", "officer")))
                .isInstanceOf(DecisionRefusedException.class);
        assertThat(f.audit("DELTA")).anySatisfy(a -> assertThat(a).contains("veto by COO"));
    }

    @Test
    void sec7_2_an_accepted_mitigation_stops_the_suspension_path() {
        f.runUntil(Instant.parse("2026-11-29T12:00:00Z"));
        f.engine.decide(new Decision.Accept("ADV-1", "EPSILON", "module blacklisted on all worker nodes", "officer"));
        f.runUntil(Instant.parse("2026-12-02T12:00:00Z"));
        assertThat(f.caseOf("ADV-1", "EPSILON").status()).isEqualTo(CaseStatus.ACCEPTED);
        assertThat(f.sent("final-warning").stream().filter(p -> p.entry().site().equals("EPSILON"))).isEmpty();
    }
}
