package eu.egi.csirt.cvh.domain.engine;

import eu.egi.csirt.cvh.domain.campaign.CaseStatus;
import eu.egi.csirt.cvh.domain.campaign.Notification;
import eu.egi.csirt.cvh.domain.procedure.NotificationKind;
import eu.egi.csirt.cvh.domain.procedure.SuspensionRules;
import eu.egi.csirt.cvh.support.EngineFixture;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** SEC03 5.4 and 5.5: three notifications, the last a final warning at least 24 hours before; never early. */
class Sec5_4_AtLeastThreeNotificationsBeforeSuspensionTest {

    private static final Instant T = Instant.parse("2026-11-24T10:00:00Z");

    private static Notification n(String kind, NotificationKind k, boolean individual, Instant delivered) {
        return new Notification(kind, k, individual, delivered, delivered, kind);
    }

    @Test
    void three_notifications_with_a_final_warning_24_hours_old_allow_suspension() {
        var r = SuspensionProof.check(List.of(
                n("advisory", NotificationKind.INITIAL, false, T),
                n("ticket", NotificationKind.INDIVIDUAL, true, T.plus(Duration.ofDays(3))),
                n("final-warning", NotificationKind.FINAL_WARNING, true, T.plus(Duration.ofDays(6)))),
                SuspensionRules.SEC03, T.plus(Duration.ofDays(7)));
        assertThat(r.allowed()).isTrue();
    }

    @Test
    void a_final_warning_23_hours_old_makes_the_suspension_wait_until_24() {
        Instant fw = T.plus(Duration.ofDays(6));
        var r = SuspensionProof.check(List.of(
                n("advisory", NotificationKind.INITIAL, false, T),
                n("ticket", NotificationKind.INDIVIDUAL, true, T.plus(Duration.ofDays(3))),
                n("final-warning", NotificationKind.FINAL_WARNING, true, fw)),
                SuspensionRules.SEC03, fw.plus(Duration.ofHours(23)));
        assertThat(r.verdict()).isEqualTo(SuspensionProof.Verdict.WAIT);
        assertThat(r.earliest()).isEqualTo(fw.plus(Duration.ofHours(24)));
    }

    @Test
    void two_notifications_are_not_enough_and_the_last_must_be_the_final_warning() {
        assertThat(SuspensionProof.check(List.of(
                n("advisory", NotificationKind.INITIAL, false, T),
                n("final-warning", NotificationKind.FINAL_WARNING, true, T.plus(Duration.ofDays(6)))),
                SuspensionRules.SEC03, T.plus(Duration.ofDays(9))).verdict()).isEqualTo(SuspensionProof.Verdict.BLOCKED);
        assertThat(SuspensionProof.check(List.of(
                n("advisory", NotificationKind.INITIAL, false, T),
                n("final-warning", NotificationKind.FINAL_WARNING, true, T.plus(Duration.ofDays(5))),
                n("reminder", NotificationKind.INDIVIDUAL, true, T.plus(Duration.ofDays(6)))),
                SuspensionRules.SEC03, T.plus(Duration.ofDays(9))).reason()).contains("not a final warning");
    }

    @Test
    void list_mails_alone_do_not_make_the_two_individual_notifications() {
        assertThat(SuspensionProof.check(List.of(
                n("advisory", NotificationKind.INITIAL, false, T),
                n("heads-up", NotificationKind.INITIAL, false, T),
                n("final-warning", NotificationKind.FINAL_WARNING, true, T.plus(Duration.ofDays(5)))),
                SuspensionRules.SEC03, T.plus(Duration.ofDays(9))).reason()).contains("individual");
    }

    @Test
    void an_smtp_outage_that_delays_the_final_warning_moves_the_suspension_proposal() {
        try (EngineFixture f = new EngineFixture(T)) {
            f.sixVulnerableSites();
            f.start("sec03-critical");
            f.runUntil(Instant.parse("2026-11-30T09:00:00Z"));
            // SMTP down from 09:00 on the day of the final warning until 18:00
            Instant t = Instant.parse("2026-11-30T10:00:00Z");
            while (t.isBefore(Instant.parse("2026-11-30T18:00:00Z"))) {
                f.clock.set(t);
                f.engine.tick();
                t = t.plus(Duration.ofHours(1));
            }
            f.clock.set(Instant.parse("2026-11-30T18:00:00Z"));
            f.deliverMail();
            f.runUntil(Instant.parse("2026-12-01T17:00:00Z"));
            assertThat(f.caseOf("ADV-1", "ALPHA").status()).as("deadline 10:00 passed, but the warning went out at 18:00")
                    .isEqualTo(CaseStatus.OPEN);
            assertThat(f.audit("ALPHA")).noneMatch(a -> a.startsWith("propose-suspension"));
            f.runUntil(Instant.parse("2026-12-01T18:00:00Z"));
            assertThat(f.caseOf("ADV-1", "ALPHA").status()).isEqualTo(CaseStatus.SUSPENSION_PROPOSED);
            assertThat(f.caseOf("ADV-1", "ALPHA").suspensionProposedAt()).isEqualTo(Instant.parse("2026-12-01T18:00:00Z"));
        }
    }

    @Test
    void every_suspended_site_of_a_campaign_has_its_proof() {
        try (EngineFixture f = new EngineFixture(T)) {
            f.sixVulnerableSites();
            f.start("sec03-critical");
            f.runUntil(Instant.parse("2026-12-01T10:00:00Z"));
            f.engine.decide(new Decision.ConfirmSuspension("ADV-1", "ZETA", "no response", "officer"));
            var proof = f.store.inTransaction(tx -> tx.notifications(f.caseOf("ADV-1", "ZETA").id(), "ADV-1"));
            var counted = proof.stream().filter(Notification::delivered).toList();
            assertThat(counted.size()).isGreaterThanOrEqualTo(3);
            Notification last = counted.get(counted.size() - 1);
            assertThat(last.notification()).isEqualTo(NotificationKind.FINAL_WARNING);
            assertThat(Duration.between(last.deliveredAt(), f.caseOf("ADV-1", "ZETA").suspendedAt())).isGreaterThanOrEqualTo(Duration.ofHours(24));
        }
    }
}
