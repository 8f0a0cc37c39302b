package eu.egi.csirt.cvh.domain.engine;

import eu.egi.csirt.cvh.support.EngineFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SEC03 4.6: the ROD asks; the engine checks the latest monitoring data and answers the ROD. */
class Sec4_6_ReinstatementTest {

    private final EngineFixture f = new EngineFixture(Instant.parse("2026-11-24T10:00:00Z"));

    @AfterEach
    void close() { f.close(); }

    @Test
    void the_rod_is_told_whether_the_suspended_site_is_still_vulnerable() {
        f.sixVulnerableSites();
        f.start("sec03-critical");
        assertThatThrownBy(() -> f.engine.decide(new Decision.ReinstatementRequest("ADV-1", "ALPHA", "rod")))
                .isInstanceOf(DecisionRefusedException.class).hasMessageContaining("not suspended");
        f.runUntil(Instant.parse("2026-12-01T10:00:00Z"));
        f.engine.decide(new Decision.ConfirmSuspension("ADV-1", "ALPHA", "no response", "officer"));
        f.engine.decide(new Decision.ReinstatementRequest("ADV-1", "ALPHA", "rod"));
        f.deliverMail();
        assertThat(f.sent("reinstatement")).singleElement().satisfies(p -> {
            assertThat(p.entry().to()).containsExactly("rod@ngi-aa.example");
            assertThat(p.entry().subject()).contains("NOT recommended");
        });
        f.clock.set(Instant.parse("2026-12-02T10:00:00Z"));
        f.fixed("ALPHA");
        f.engine.decide(new Decision.ReinstatementRequest("ADV-1", "ALPHA", "rod"));
        f.deliverMail();
        assertThat(f.sent("reinstatement")).hasSize(2);
        assertThat(f.sent("reinstatement").get(1).entry().body()).contains("no longer vulnerable").contains("no reason to prevent");
    }
}
