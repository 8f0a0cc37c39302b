package eu.egi.csirt.cvh.adapter.gocdb;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A suspension requested of the CSIRT coordinator is confirmed from get_cert_status_changes with its date-time and
 * who changed it (SEC03 4.5, 6.4); so is a reinstatement back to Uncertified (4.6).
 */
class GocdbSuspensionConfirmedFromStatusChangesTest {

    private static final String COORDINATOR = "/DC=org/DC=example/CN=Csirt Coordinator";
    private final FakeGocdb gocdb = new FakeGocdb();
    private final GocdbCertificationCheck check = new GocdbCertificationCheck(gocdb.client());

    @AfterEach
    void stop() {
        gocdb.close();
    }

    @Test
    void the_sample_suspension_gives_date_time_changed_by_and_reason() {
        Optional<StatusChange> change = check.changedTo("EPSILON-HPC", "Suspended", Instant.parse("2026-10-01T00:00:00Z"));

        // the sample's TIME says 14-OCT, its UNIX_TIME 1792055560 is 15-OCT 09:12:40 UTC: UNIX_TIME is trusted
        assertThat(change).contains(new StatusChange("EPSILON-HPC", "Certified", "Suspended",
                Instant.parse("2026-10-15T09:12:40Z"), COORDINATOR,
                "Suspended by CSIRT: no action on critical vulnerability CVE-2026-0001 (advisory SVG-2026-01)"));
    }

    @Test
    void a_suspension_not_yet_done_in_the_portal_is_empty_then_seen_once_done() {
        Instant requested = Instant.parse("2026-12-01T10:00:00Z");
        assertThat(check.changedTo("BETA-GRID", "Suspended", requested)).isEmpty();
        assertThat(check.currentStatus("BETA-GRID")).contains("Certified");

        Instant done = Instant.parse("2026-12-01T13:45:07Z");
        gocdb.setCertificationStatus("BETA-GRID", "Suspended");
        gocdb.addStatusChange("BETA-GRID", "Certified", "Suspended", done, COORDINATOR, "SVG-2026-31337: no action");

        assertThat(check.changedTo("BETA-GRID", "Suspended", requested)).hasValueSatisfying(c -> {
            assertThat(c.at()).isEqualTo(done);
            assertThat(c.changedBy()).isEqualTo(COORDINATOR);
            assertThat(c.from()).isEqualTo("Certified");
            assertThat(c.reason()).isEqualTo("SVG-2026-31337: no action");
        });
        assertThat(check.currentStatus("BETA-GRID")).contains("Suspended");
    }

    @Test
    void a_suspension_from_before_the_request_does_not_confirm_this_one() {
        assertThat(check.changedTo("EPSILON-HPC", "Suspended", Instant.parse("2026-10-15T09:12:41Z"))).isEmpty();
        assertThat(check.changedTo("EPSILON-HPC", "Suspended", Instant.parse("2026-10-15T09:12:40.300Z")))
                .as("same second counts: GOCDB keeps whole seconds").isPresent();
    }

    @Test
    void another_sites_change_never_confirms() {
        assertThat(check.changedTo("ALPHA-LCG2", "Suspended", Instant.parse("2026-01-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void reinstatement_back_to_uncertified_is_confirmed_with_its_own_date_time() {
        Instant reinstated = Instant.parse("2026-10-20T08:00:00Z");
        gocdb.addStatusChange("EPSILON-HPC", "Suspended", "Uncertified", reinstated, "/DC=org/DC=example/CN=Deputy",
                "site patched, ROD request answered");

        Optional<StatusChange> change = check.changedTo("EPSILON-HPC", "Uncertified", Instant.parse("2026-10-16T00:00:00Z"));
        assertThat(change).map(StatusChange::at).contains(reinstated);
        assertThat(change).map(StatusChange::changedBy).contains("/DC=org/DC=example/CN=Deputy");
    }

    @Test
    void the_first_matching_change_after_the_request_is_the_confirmation() {
        Instant first = Instant.parse("2026-12-02T09:00:00Z");
        gocdb.addStatusChange("DELTA-T2", "Uncertified", "Suspended", Instant.parse("2026-12-05T09:00:00Z"), COORDINATOR, "later");
        gocdb.addStatusChange("DELTA-T2", "Certified", "Suspended", first, COORDINATOR, "first");
        assertThat(check.changedTo("DELTA-T2", "Suspended", Instant.parse("2026-12-01T00:00:00Z")))
                .map(StatusChange::reason).contains("first");
    }

    @Test
    void the_request_narrows_by_site_and_a_startdate_a_day_before() {
        check.changedTo("BETA-GRID", "Suspended", Instant.parse("2026-12-01T00:30:00Z"));
        assertThat(gocdb.requests()).last().satisfies(q -> {
            assertThat(q).containsEntry("method", "get_cert_status_changes");
            assertThat(q).containsEntry("site", "BETA-GRID");
            assertThat(q).containsEntry("startdate", "2026-11-30");
        });
    }

    @Test
    void gocdb_time_text_is_read_in_any_month_case_as_utc_when_unix_time_is_missing() {
        assertThat(GocdbTime.parse("14-OCT-2026 09.12.40", "")).isEqualTo(Instant.parse("2026-10-14T09:12:40Z"));
        assertThat(GocdbTime.parse("13-Sep-2022 09.21.26", null)).isEqualTo(Instant.parse("2022-09-13T09:21:26Z"));
        assertThat(GocdbTime.parse("13-Sep-2022 09.21.26", "1663060886")).as("GOCDB's documented example agrees")
                .isEqualTo(Instant.parse("2022-09-13T09:21:26Z"));
        assertThat(GocdbTime.parse("garbled", "1792055560")).isEqualTo(Instant.parse("2026-10-15T09:12:40Z"));
    }

    @Test
    void a_change_without_any_readable_time_is_an_error_not_a_guess() {
        gocdb.serve("get_cert_status_changes", """
                <?xml version="1.0" encoding="UTF-8"?>
                <results><result ID="1"><TIME>yesterday</TIME><SITE>BETA-GRID</SITE><OLD_STATUS>Certified</OLD_STATUS>
                <NEW_STATUS>Suspended</NEW_STATUS><CHANGED_BY>x</CHANGED_BY><COMMENT/></result></results>
                """);
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        check.changedTo("BETA-GRID", "Suspended", Instant.parse("2026-01-01T00:00:00Z")))
                .isInstanceOf(GocdbException.class)
                .hasMessageContaining("get_cert_status_changes").hasMessageContaining("yesterday");
    }
}
