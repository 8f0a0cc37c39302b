package eu.egi.csirt.cvh.adapter.gocdb;

import eu.egi.csirt.cvh.domain.calendar.VirtualClock;
import eu.egi.csirt.cvh.domain.campaign.SiteContacts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every site of the GOCDB samples maps to the recipients issue 3 asks for, address by address. */
class GocdbSiteContactsFromSamplesTest {

    private final FakeGocdb gocdb = new FakeGocdb();
    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-11-24T10:00:00Z"));
    private final GocdbSiteDirectory directory = new GocdbSiteDirectory(gocdb.client(), clock, Duration.ofMinutes(60));

    @AfterEach
    void stop() {
        gocdb.close();
    }

    @Test
    void alpha_csirt_email_is_site_security_and_operations_manager_joins_contact_email() {
        assertThat(directory.find("ALPHA-LCG2")).contains(new SiteContacts("ALPHA-LCG2", "NGI_AA",
                List.of("security@alpha.example.org"),
                List.of("ana.admin@alpha.example.org"),
                List.of("security@ngi-aa.example.org"),
                List.of("grid-admins@alpha.example.org", "olga.ops@alpha.example.org"),
                List.of("rod@ngi-aa.example.org"),
                "https://goc.example.org/portal/index.php?Page_Type=Site&id=101"));
    }

    @Test
    void beta_has_csirt_email_and_one_administrator() {
        assertThat(directory.find("BETA-GRID")).contains(new SiteContacts("BETA-GRID", "NGI_AA",
                List.of("cert@beta.example.net"),
                List.of("ben@beta.example.net"),
                List.of("security@ngi-aa.example.org"),
                List.of("ops@beta.example.net"),
                List.of("rod@ngi-aa.example.org")));
    }

    @Test
    void gamma_without_site_contacts_still_has_csirt_email_contact_email_and_its_ngi() {
        assertThat(directory.find("GAMMA-CLOUD")).contains(new SiteContacts("GAMMA-CLOUD", "NGI_BB",
                List.of("csirt@gamma.example.com"),
                List.of(),
                List.of("csirt@ngi-bb.example.com"),
                List.of("cloud-team@gamma.example.com"),
                List.of("rod@ngi-bb.example.com")));
    }

    @Test
    void delta_without_csirt_email_falls_back_to_its_site_security_officer() {
        assertThat(directory.find("DELTA-T2")).contains(new SiteContacts("DELTA-T2", "NGI_BB",
                List.of("dan@delta.example.com"),
                List.of("dora@delta.example.com"),
                List.of("csirt@ngi-bb.example.com"),
                List.of("t2-admin@delta.example.com"),
                List.of("rod@ngi-bb.example.com")));
    }

    @Test
    void suspended_epsilon_keeps_its_contacts_but_does_not_take_part() {
        assertThat(directory.find("EPSILON-HPC")).contains(new SiteContacts("EPSILON-HPC", "NGI_BB",
                List.of("sec@epsilon.example.com"),
                List.of(),
                List.of("csirt@ngi-bb.example.com"),
                List.of("hpc@epsilon.example.com"),
                List.of("rod@ngi-bb.example.com")));
        assertThat(directory.certificationStatus("EPSILON-HPC")).contains("Suspended");
        assertThat(directory.isParticipating("EPSILON-HPC")).isFalse();
    }

    @Test
    void a_site_gocdb_never_listed_is_empty_and_does_not_take_part() {
        assertThat(directory.find("NO-SUCH-SITE")).isEmpty();
        assertThat(directory.certificationStatus("NO-SUCH-SITE")).isEmpty();
        assertThat(directory.isParticipating("NO-SUCH-SITE")).isFalse();
    }

    @Test
    void site_names_match_ignoring_case_as_pakiti_and_gocdb_spell_them_differently() {
        assertThat(directory.find("alpha-lcg2")).map(SiteContacts::site).contains("ALPHA-LCG2");
    }

    @Test
    void only_certified_sites_take_part_by_default() {
        assertThat(Set.of("ALPHA-LCG2", "BETA-GRID", "GAMMA-CLOUD", "DELTA-T2", "EPSILON-HPC"))
                .filteredOn(directory::isParticipating)
                .containsExactlyInAnyOrder("ALPHA-LCG2", "BETA-GRID", "GAMMA-CLOUD", "DELTA-T2");
    }

    @Test
    void configured_statuses_widen_who_takes_part() {
        GocdbSiteDirectory widened = new GocdbSiteDirectory(gocdb.client(), clock, Duration.ofMinutes(60),
                List.of("Certified", "suspended"), Duration.ofMinutes(1));
        assertThat(widened.isParticipating("EPSILON-HPC")).isTrue();
    }

    @Test
    void one_refresh_reads_each_method_once_for_all_sites() {
        for (String site : List.of("ALPHA-LCG2", "BETA-GRID", "GAMMA-CLOUD", "DELTA-T2", "EPSILON-HPC")) directory.find(site);
        assertThat(gocdb.requestsFor("get_site")).isEqualTo(1);
        assertThat(gocdb.requestsFor("get_site_contacts")).isEqualTo(1);
        assertThat(gocdb.requestsFor("get_ngi")).isEqualTo(1);
    }
}
