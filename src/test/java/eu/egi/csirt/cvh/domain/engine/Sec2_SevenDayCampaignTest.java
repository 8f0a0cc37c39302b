package eu.egi.csirt.cvh.domain.engine;

import eu.egi.csirt.cvh.domain.campaign.AdvisoryScope;
import eu.egi.csirt.cvh.domain.campaign.CaseStatus;
import eu.egi.csirt.cvh.domain.campaign.Channel;
import eu.egi.csirt.cvh.port.Outbox;
import eu.egi.csirt.cvh.support.EngineFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static eu.egi.csirt.cvh.support.EngineFixture.LISTS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SEC03 2.3-2.6 and 4.1-4.2 in virtual time: advisory Tuesday 24 Nov 2026 10:00, deadline Tuesday 1 Dec,
 * ticket Friday 27 Nov (3 days before is a Saturday), final warning Monday 30 Nov.
 */
class Sec2_SevenDayCampaignTest {

    private static final Instant ISSUED = Instant.parse("2026-11-24T10:00:00Z");
    private final EngineFixture f = new EngineFixture(ISSUED);

    @AfterEach
    void close() { f.close(); }

    private void sixSites() {
        f.sixVulnerableSites();
    }

    @Test
    void sec2_3_widespread_advisory_goes_to_both_lists_with_omb_in_cc_and_states_deadline_and_suspension() {
        sixSites();
        f.start("sec03-critical");
        f.runUntil(ISSUED);
        assertThat(f.sent("advisory")).singleElement().satisfies(p -> {
            assertThat(p.entry().to()).containsExactly(LISTS.siteSecurityList(), LISTS.ngiSecurityList());
            assertThat(p.entry().cc()).containsExactly(LISTS.omb());
            assertThat(p.entry().body()).contains("DEADLINE: Tuesday 1 December 2026, 10:00 UTC")
                    .contains("SITE SUSPENSION IS LIKELY").contains("EGI CSIRT will help");
            assertThat(p.entry().subject()).startsWith("[CVH ADV-1]");
        });
    }

    @Test
    void sec2_3_a_few_sites_are_informed_individually() {
        f.site("ALPHA").vulnerable("ALPHA").site("BETA").vulnerable("BETA");
        f.start("sec03-critical");
        f.runUntil(ISSUED);
        assertThat(f.sent("advisory")).hasSize(2).allSatisfy(p -> {
            assertThat(p.entry().to()).contains("ngi-security@ngi-aa.example");
            assertThat(p.entry().cc()).containsExactly(LISTS.omb());
        });
        assertThat(f.sentTo("security@alpha.example")).hasSize(1);
    }

    @Test
    void sec2_1_heads_up_only_when_asked_for() {
        sixSites();
        f.start("sec03-critical", true, Optional.empty());
        f.runUntil(ISSUED);
        assertThat(f.sent("heads-up")).hasSize(1);
    }

    @Test
    void sec2_4_ticket_three_days_before_to_admin_security_and_ngi_and_it_threatens_suspension() {
        sixSites();
        f.start("sec03-critical");
        f.runUntil(Instant.parse("2026-11-27T09:00:00Z"));
        assertThat(f.sent("ticket")).isEmpty();
        f.runUntil(Instant.parse("2026-11-27T10:00:00Z"));
        assertThat(f.sent("ticket")).hasSize(6);
        Outbox.Pending alpha = f.sentTo("admin@alpha.example").stream().filter(p -> p.entry().kind().equals("ticket")).findFirst().orElseThrow();
        assertThat(alpha.entry().to()).containsExactlyInAnyOrder("admin@alpha.example", "security@alpha.example", "ngi-security@ngi-aa.example");
        assertThat(alpha.entry().body()).contains("FAILURE TO ACT TO RESOLVE THIS PROBLEM WILL LEAD TO SITE SUSPENSION SHORTLY AFTER THE DEADLINE");
        assertThat(f.outbox.countsByChannelAndStatus()).containsEntry("RT.NO_CONNECTOR", 6);
    }

    @Test
    void sec2_4_a_site_fixed_before_the_ticket_gets_none() {
        sixSites();
        f.start("sec03-critical");
        f.runUntil(Instant.parse("2026-11-26T10:00:00Z"));
        f.fixed("BETA");
        f.runUntil(Instant.parse("2026-11-27T10:00:00Z"));
        assertThat(f.sent("ticket")).hasSize(5);
        assertThat(f.caseOf("ADV-1", "BETA").status()).isEqualTo(CaseStatus.NOT_AFFECTED);
    }

    @Test
    void sec2_5_daily_check_thanks_and_closes_a_fixed_site_and_reminds_the_others() {
        sixSites();
        f.start("sec03-critical");
        f.runUntil(Instant.parse("2026-11-27T12:00:00Z"));
        f.fixed("GAMMA");
        f.runUntil(Instant.parse("2026-11-28T10:00:00Z"));
        assertThat(f.sent("ticket-closed")).singleElement().satisfies(p -> {
            assertThat(p.entry().site()).isEqualTo("GAMMA");
            assertThat(p.entry().body()).contains("Thank you for addressing this problem");
        });
        assertThat(f.caseOf("ADV-1", "GAMMA").status()).isEqualTo(CaseStatus.FIXED);
        assertThat(f.sent("reminder")).hasSize(5);
        f.runUntil(Instant.parse("2026-11-29T10:00:00Z"));
        assertThat(f.sent("reminder")).hasSize(10);
    }

    @Test
    void sec2_6_and_4_1_final_warning_and_omb_summary_24_hours_before() {
        sixSites();
        f.start("sec03-critical");
        f.runUntil(Instant.parse("2026-11-29T12:00:00Z"));
        f.fixed("ALPHA");
        f.runUntil(Instant.parse("2026-11-30T09:00:00Z"));
        assertThat(f.sent("final-warning")).isEmpty();
        f.runUntil(Instant.parse("2026-11-30T10:00:00Z"));
        assertThat(f.sent("final-warning")).hasSize(5).allSatisfy(p -> {
            assertThat(p.entry().body()).contains("THIS IS A FINAL REMINDER").contains("SUSPENDED").contains("help");
            assertThat(p.entry().to()).contains("ngi-security@ngi-aa.example");
        });
        assertThat(f.sent("omb-summary")).singleElement().satisfies(p -> {
            assertThat(p.entry().to()).containsExactly(LISTS.omb());
            assertThat(p.entry().subject()).contains("5 site(s) not yet secured");
            assertThat(p.entry().body()).contains("Steps taken by EGI CSIRT").contains("BETA (NGI NGI_AA)")
                    .contains("Response: no response").contains("Suspension recommended: yes")
                    .contains("plans to suspend these sites on the deadline").doesNotContain(" * ALPHA");
        });
    }

    @Test
    void sec2_6_all_sites_updated_is_reported_to_the_omb() {
        f.site("ALPHA").vulnerable("ALPHA");
        f.start("sec03-critical");
        f.runUntil(Instant.parse("2026-11-28T12:00:00Z"));
        f.fixed("ALPHA");
        f.runUntil(Instant.parse("2026-11-30T10:00:00Z"));
        assertThat(f.sent("omb-summary")).singleElement().satisfies(p ->
                assertThat(p.entry().body()).contains("All sites have updated"));
    }

    @Test
    void sec4_2_at_the_deadline_an_unfixed_site_becomes_suspension_proposed_and_the_officer_is_asked() {
        sixSites();
        f.start("sec03-critical");
        f.runUntil(Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(f.caseOf("ADV-1", "ALPHA").status()).isEqualTo(CaseStatus.SUSPENSION_PROPOSED);
        assertThat(f.sent("decision-needed")).hasSize(6).allSatisfy(p -> {
            assertThat(p.entry().to()).containsExactly(LISTS.csirt());
            assertThat(p.entry().body()).contains("final-warning (individual)").contains("advisory (by list)");
        });
        assertThat(f.sent("suspension-decision")).isEmpty();
    }

    @Test
    void sec4_5_confirmed_suspension_tells_omb_site_omb_and_coo_and_queues_gocdb_and_wiki() {
        sixSites();
        f.start("sec03-critical");
        f.runUntil(Instant.parse("2026-12-01T11:00:00Z"));
        String outcome = f.engine.decide(new Decision.ConfirmSuspension("ADV-1", "DELTA", "no response to any notification", "officer"));
        f.deliverMail();
        assertThat(outcome).startsWith("suspended");
        assertThat(f.caseOf("ADV-1", "DELTA").status()).isEqualTo(CaseStatus.SUSPENDED);
        assertThat(f.sent("suspension-decision")).singleElement().satisfies(p -> assertThat(p.entry().to()).containsExactly(LISTS.omb()));
        assertThat(f.sent("suspension-notice")).singleElement().satisfies(p -> assertThat(p.entry().to()).contains("security@delta.example"));
        assertThat(f.sent("suspension-carried-out")).singleElement().satisfies(p -> {
            assertThat(p.entry().to()).containsExactly(LISTS.omb(), LISTS.coo());
            assertThat(p.entry().body()).contains("DELTA (NGI NGI_AA) was suspended at Tuesday 1 December 2026, 11:00 UTC")
                    .contains("no response to any notification");
        });
        var counts = f.outbox.countsByChannelAndStatus();
        assertThat(counts).containsEntry("GOCDB.NO_CONNECTOR", 1).containsEntry("WIKI.NO_CONNECTOR", 1);
        assertThat(f.outbox.due(Channel.GOCDB, Instant.parse("2030-01-01T00:00:00Z"), 10)).isEmpty();
    }

    @Test
    void auto_scope_override_sends_to_lists_even_for_two_sites() {
        f.site("ALPHA").vulnerable("ALPHA").site("BETA").vulnerable("BETA");
        f.start("sec03-critical", false, Optional.of(AdvisoryScope.LISTS));
        f.runUntil(ISSUED);
        assertThat(f.sent("advisory")).hasSize(1);
    }
}
