package eu.egi.csirt.cvh.domain.engine;

import eu.egi.csirt.cvh.domain.campaign.CaseStatus;
import eu.egi.csirt.cvh.domain.campaign.Channel;
import eu.egi.csirt.cvh.domain.procedure.NotificationKind;
import eu.egi.csirt.cvh.support.EngineFixture;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With RT connected, tickets, reminders and final warnings reach the site as RT correspondence (so
 * replies thread into the ticket): they are RT actions, not direct mails, and they are what SEC03 5.4 counts.
 */
class Sec2_4_TicketMessagesThroughRtTest {

    @Test
    void ticket_messages_go_through_rt_and_count_as_notifications() {
        try (EngineFixture f = EngineFixture.withTicketMailViaRt(Instant.parse("2026-11-24T10:00:00Z"))) {
            f.sixVulnerableSites();
            f.start("sec03-critical");
            f.runUntil(Instant.parse("2026-12-01T10:00:00Z"));
            assertThat(f.sent("ticket")).hasSize(6).allSatisfy(p -> {
                assertThat(p.entry().channel()).isEqualTo(Channel.RT);
                assertThat(p.entry().operation()).isEqualTo("create");
                assertThat(p.entry().notification()).isEqualTo(NotificationKind.INDIVIDUAL);
                assertThat(p.entry().due()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
                assertThat(p.entry().reference()).startsWith("ADV-1/");
            });
            assertThat(f.sent("final-warning")).hasSize(6).allSatisfy(p -> assertThat(p.entry().channel()).isEqualTo(Channel.RT));
            assertThat(f.sent("advisory")).singleElement().satisfies(p -> assertThat(p.entry().channel()).isEqualTo(Channel.MAIL));
            assertThat(f.caseOf("ADV-1", "ALPHA").status()).as("the RT messages make the SEC03 5.4 proof")
                    .isEqualTo(CaseStatus.SUSPENSION_PROPOSED);
        }
    }
}
