package eu.egi.csirt.cvh.domain.engine;

import eu.egi.csirt.cvh.domain.campaign.CaseStatus;
import eu.egi.csirt.cvh.port.CertificationCheck;
import eu.egi.csirt.cvh.support.EngineFixture;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SEC03 4.5 and 6.4 when GOCDB is connected: GOCDB has no API to suspend, so the coordinator is asked;
 * the suspension counts (wiki record, OMB and COO told) only once GOCDB shows it, with GOCDB's
 * date-time and "changed by"; the coordinator is reminded while it does not.
 */
class Sec4_5_SuspensionCarriedOutInGocdbTest {

    @Test
    void the_coordinator_is_asked_reminded_and_the_gocdb_change_is_what_gets_recorded() {
        try (EngineFixture f = EngineFixture.confirmingSuspensionsInGocdb(Instant.parse("2026-11-24T10:00:00Z"))) {
            f.sixVulnerableSites();
            f.start("sec03-critical");
            f.runUntil(Instant.parse("2026-12-01T10:00:00Z"));
            f.engine.decide(new Decision.ConfirmSuspension("ADV-1", "BETA", "x".repeat(400), "officer"));
            f.deliverMail();
            assertThat(f.caseOf("ADV-1", "BETA").status()).isEqualTo(CaseStatus.SUSPENSION_REQUESTED);
            assertThat(f.sent("suspension-decision")).hasSize(1);
            assertThat(f.sent("suspension-notice")).hasSize(1);
            assertThat(f.sent("suspension-request")).singleElement().satisfies(p -> {
                assertThat(p.entry().to()).containsExactly("csirt-coordinator@example.org");
                assertThat(p.entry().body()).contains("x".repeat(297) + "...").doesNotContain("x".repeat(301));
            });
            assertThat(f.sent("suspension-carried-out")).as("not before GOCDB shows it").isEmpty();

            AtomicReference<Optional<CertificationCheck.StatusChange>> gocdb = new AtomicReference<>(Optional.empty());
            CertificationCheck check = (site, status, after) -> site.equals("BETA") ? gocdb.get() : Optional.empty();
            f.clock.advance(Duration.ofHours(3));
            f.engine.checkRequestedSuspensions(check);
            f.deliverMail();
            assertThat(f.sent("suspension-request-reminder")).isEmpty();
            f.clock.advance(Duration.ofHours(1));
            f.engine.checkRequestedSuspensions(check);
            f.deliverMail();
            assertThat(f.sent("suspension-request-reminder")).singleElement()
                    .satisfies(p -> assertThat(p.entry().to()).containsExactly("csirt-coordinator@example.org"));

            Instant inPortal = Instant.parse("2026-12-01T15:12:00Z");
            gocdb.set(Optional.of(new CertificationCheck.StatusChange("BETA", "Certified", "Suspended", inPortal, "Jane Coordinator")));
            f.clock.advance(Duration.ofMinutes(30));
            f.engine.checkRequestedSuspensions(check);
            f.deliverMail();
            assertThat(f.caseOf("ADV-1", "BETA").status()).isEqualTo(CaseStatus.SUSPENDED);
            assertThat(f.caseOf("ADV-1", "BETA").suspendedAt()).isEqualTo(inPortal);
            assertThat(f.sent("suspension-carried-out")).singleElement().satisfies(p -> {
                assertThat(p.entry().to()).containsExactly(EngineFixture.LISTS.omb(), EngineFixture.LISTS.coo());
                assertThat(p.entry().body()).contains("suspended at Tuesday 1 December 2026, 15:12 UTC");
            });
            assertThat(f.audit("BETA")).anySatisfy(a -> assertThat(a).startsWith("suspended: at 2026-12-01T15:12:00Z"));
            f.engine.checkRequestedSuspensions(check);
            f.deliverMail();
            assertThat(f.sent("suspension-carried-out")).as("recorded once").hasSize(1);
        }
    }
}
