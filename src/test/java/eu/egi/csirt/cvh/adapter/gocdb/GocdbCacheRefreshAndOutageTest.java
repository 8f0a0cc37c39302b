package eu.egi.csirt.cvh.adapter.gocdb;

import eu.egi.csirt.cvh.domain.calendar.VirtualClock;
import eu.egi.csirt.cvh.domain.campaign.SiteContacts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The directory is cached for its TTL, refreshed after it, and a GOCDB outage keeps the last good data in use. */
class GocdbCacheRefreshAndOutageTest {

    private static final Duration TTL = Duration.ofMinutes(60);
    private final FakeGocdb gocdb = new FakeGocdb();
    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-11-24T10:00:00Z"));
    private final GocdbSiteDirectory directory = new GocdbSiteDirectory(gocdb.client(), clock, TTL,
            GocdbSiteDirectory.CERTIFIED_ONLY, Duration.ofMinutes(5));

    @AfterEach
    void stop() {
        gocdb.close();
    }

    @Test
    void a_status_change_in_gocdb_is_seen_after_the_ttl_not_before() {
        assertThat(directory.isParticipating("BETA-GRID")).isTrue();
        gocdb.setCertificationStatus("BETA-GRID", "Suspended");

        clock.advance(TTL.minusSeconds(1));
        assertThat(directory.certificationStatus("BETA-GRID")).as("cached").contains("Certified");
        assertThat(gocdb.requestsFor("get_site")).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(directory.certificationStatus("BETA-GRID")).as("refreshed").contains("Suspended");
        assertThat(directory.isParticipating("BETA-GRID")).isFalse();
        assertThat(gocdb.requestsFor("get_site")).isEqualTo(2);
    }

    @Test
    void http_500_keeps_the_last_good_contacts_and_statuses() {
        SiteContacts before = directory.find("ALPHA-LCG2").orElseThrow();
        gocdb.failWith(500);
        clock.advance(TTL.plusMinutes(1));

        assertThat(directory.find("ALPHA-LCG2")).contains(before);
        assertThat(directory.isParticipating("ALPHA-LCG2")).isTrue();
        assertThat(gocdb.requestsFor("get_site")).as("the refresh was tried").isEqualTo(2);
    }

    @Test
    void connection_refused_keeps_the_last_good_contacts() {
        SiteContacts before = directory.find("DELTA-T2").orElseThrow();
        gocdb.close();
        clock.advance(TTL.plusMinutes(1));

        assertThat(directory.find("DELTA-T2")).contains(before);
        assertThat(directory.refresh()).as("refresh reports the failure").isFalse();
        assertThat(directory.find("DELTA-T2")).contains(before);
    }

    @Test
    void during_an_outage_gocdb_is_asked_once_per_retry_interval_not_once_per_site() {
        directory.find("ALPHA-LCG2");
        gocdb.failWith(503);
        clock.advance(TTL);
        for (String site : List.of("ALPHA-LCG2", "BETA-GRID", "GAMMA-CLOUD", "DELTA-T2", "EPSILON-HPC")) directory.find(site);
        assertThat(gocdb.requestsFor("get_site")).isEqualTo(2);

        clock.advance(Duration.ofMinutes(5));
        directory.find("ALPHA-LCG2");
        assertThat(gocdb.requestsFor("get_site")).as("retried after the interval").isEqualTo(3);
    }

    @Test
    void after_the_outage_the_next_refresh_brings_new_data() {
        directory.find("ALPHA-LCG2");
        gocdb.failWith(500);
        clock.advance(TTL);
        directory.find("ALPHA-LCG2");
        gocdb.recover();
        gocdb.setCertificationStatus("ALPHA-LCG2", "Uncertified");

        clock.advance(Duration.ofMinutes(5));
        assertThat(directory.certificationStatus("ALPHA-LCG2")).contains("Uncertified");
    }

    @Test
    void an_empty_site_list_never_replaces_a_full_directory() {
        directory.find("ALPHA-LCG2");
        gocdb.serve("get_site", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<results/>\n");
        clock.advance(TTL);

        assertThat(directory.find("ALPHA-LCG2")).isPresent();
        assertThat(directory.isParticipating("ALPHA-LCG2")).isTrue();
    }

    @Test
    void gocdb_down_from_the_start_gives_no_contacts_and_no_participant_then_recovers() {
        gocdb.failWith(500);
        assertThat(directory.find("ALPHA-LCG2")).isEmpty();
        assertThat(directory.isParticipating("ALPHA-LCG2")).isFalse();

        gocdb.recover();
        clock.advance(Duration.ofMinutes(5));
        assertThat(directory.find("ALPHA-LCG2")).isPresent();
    }

    @Test
    void a_half_failed_refresh_replaces_nothing() {
        directory.find("GAMMA-CLOUD");
        gocdb.setCertificationStatus("GAMMA-CLOUD", "Suspended");
        gocdb.serve("get_ngi", "not xml at all");
        clock.advance(TTL);

        assertThat(directory.certificationStatus("GAMMA-CLOUD")).as("sites read, NGIs not: old snapshot kept").contains("Certified");
        assertThat(directory.find("GAMMA-CLOUD").orElseThrow().ngiSecurity()).containsExactly("csirt@ngi-bb.example.com");
    }
}
