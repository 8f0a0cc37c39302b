package eu.egi.csirt.cvh.adapter.pakiti;

import eu.egi.csirt.cvh.adapter.pakiti.PakitiTestServer.Answer;
import eu.egi.csirt.cvh.domain.campaign.Vulnerability;
import eu.egi.csirt.cvh.domain.campaign.Vulnerability.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static eu.egi.csirt.cvh.adapter.pakiti.PakitiFixture.CVE;
import static eu.egi.csirt.cvh.adapter.pakiti.PakitiFixture.HEADER;
import static eu.egi.csirt.cvh.adapter.pakiti.PakitiFixture.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3 + seed 002 (SDIS 2b/3a): a site x CVE is FIXED only when every host that was vulnerable reported again
 * and is no longer listed; a host that merely dropped out of the list is UNREACHED ("not simply the affected node
 * not being reached"). False positives are left out and written to the audit trail.
 */
class PakitiFixedOnlyAfterANewerReportTest {
    static final String OTHER = "CVE-2026-40001";
    PakitiFixture f;

    @BeforeEach
    void twoVulnerableHostsAtAlpha() throws Exception {
        f = new PakitiFixture();
        feed(row(CVE, "ALPHA-LCG2", "wn001", "2026-11-24 06:00:00") + row(CVE, "ALPHA-LCG2", "wn002", "2026-11-24 06:00:00")
                + row(OTHER, "ALPHA-LCG2", "wn002", "2026-11-24 06:00:00") + row(CVE, "BETA-GRID", "ce01", "2026-11-24 06:00:00"));
    }

    @AfterEach
    void close() {
        f.close();
    }

    private void feed(String rows) {
        f.clock.advance(Duration.ofHours(1));
        f.server.answer(Answer.csv(HEADER + rows));
        var r = f.feed.poll();
        assertThat(r.accepted()).as(r.toString()).isTrue();
    }

    private State alpha() {
        return f.status.of("ALPHA-LCG2", List.of(CVE)).state();
    }

    @Test
    void hostsThatDropOutWithoutANewerReportAreUnreachedNotFixed() {
        feed(row(CVE, "BETA-GRID", "ce01", "2026-11-24 07:00:00"));
        Vulnerability v = f.status.of("ALPHA-LCG2", List.of(CVE));
        assertThat(v.state()).isEqualTo(State.UNREACHED);
        assertThat(v.isFixed()).isFalse();
        assertThat(v.vulnerableHosts()).as("hosts not yet shown clean").isEqualTo(2);
        assertThat(f.status.vulnerableSites(List.of(CVE))).containsExactly("BETA-GRID");
    }

    @Test
    void aHostSeenReportingLaterWithoutTheCveIsFixed() {
        // wn002 is still listed for another CVE with a newer report, and no longer for CVE: it reported clean of CVE
        feed(row(OTHER, "ALPHA-LCG2", "wn002", "2026-11-24 08:00:00") + row(CVE, "BETA-GRID", "ce01", "2026-11-24 07:00:00"));
        assertThat(f.status.hosts("ALPHA-LCG2", CVE)).extracting(h -> h.host() + ":" + h.reportedSinceVulnerable())
                .containsExactly("wn001:false", "wn002:true");
        assertThat(alpha()).as("wn001 still unreached").isEqualTo(State.UNREACHED);
        f.status.confirmReported("ALPHA-LCG2", "wn001", Instant.parse("2026-11-24T09:00:00Z"), "jane.officer",
                "Pakiti web page shows a clean report", f.clock.instant());
        assertThat(alpha()).isEqualTo(State.FIXED);
        assertThat(f.status.of("ALPHA-LCG2", List.of(CVE)).isFixed()).isTrue();
    }

    @Test
    void aHostStillListedIsVulnerableWhateverItsReportTime() {
        feed(row(CVE, "ALPHA-LCG2", "wn001", "2026-11-24 08:00:00") + row(OTHER, "ALPHA-LCG2", "wn002", "2026-11-24 08:00:00"));
        assertThat(alpha()).isEqualTo(State.VULNERABLE);
        assertThat(f.status.of("ALPHA-LCG2", List.of(CVE)).vulnerableHosts()).isEqualTo(1);
    }

    @Test
    void reportQueryWithoutTagGivesTheLastReportOfHostsNoLongerInTheTag() {
        PakitiFeed withReports = new PakitiFeed(PakitiFeed.Settings.of(f.server.url()).withReportQuery(true), f.status, f.clock);
        f.clock.advance(Duration.ofHours(1));
        // the tag query lists only BETA; the untagged query (every tagged CVE) still shows both ALPHA hosts, reported later
        f.server.answer = () -> f.server.requests.get(f.server.requests.size() - 1).getQuery() != null
                ? Answer.csv(HEADER + row(CVE, "BETA-GRID", "ce01", "2026-11-24 07:00:00"))
                : Answer.csv(HEADER + row(CVE, "BETA-GRID", "ce01", "2026-11-24 07:00:00")
                        + "Other-Tag,CVE-2025-1,ALPHA-LCG2,wn001,Alma,x86_64,\"2026-11-24 08:00:00\"\n"
                        + "Other-Tag,CVE-2025-1,ALPHA-LCG2,wn002,Alma,x86_64,\"2026-11-24 08:00:00\"\n");
        var r = withReports.poll();
        assertThat(r.accepted()).as(r.toString()).isTrue();
        assertThat(f.server.requests.get(f.server.requests.size() - 1).getQuery()).isNull();
        assertThat(alpha()).isEqualTo(State.FIXED);
        assertThat(f.status.of("BETA-GRID", List.of(CVE)).state()).isEqualTo(State.VULNERABLE);
    }

    @Test
    void aHostVulnerableAgainAfterAFixIsVulnerable() {
        feed(row(OTHER, "ALPHA-LCG2", "wn002", "2026-11-24 08:00:00") + row(OTHER, "ALPHA-LCG2", "wn001", "2026-11-24 08:00:00"));
        assertThat(alpha()).isEqualTo(State.FIXED);
        feed(row(CVE, "ALPHA-LCG2", "wn001", "2026-11-24 09:00:00"));
        assertThat(alpha()).isEqualTo(State.VULNERABLE);
    }

    @Test
    void falsePositiveHostIsIgnoredAndAudited() {
        f.status.markFalsePositive("ALPHA-LCG2", CVE, "wn001", "kernel live-patched (kpatch), Pakiti cannot see it", "jane.officer",
                f.clock.instant());
        assertThat(f.status.of("ALPHA-LCG2", List.of(CVE)).vulnerableHosts()).isEqualTo(1);
        f.status.markFalsePositive("ALPHA-LCG2", CVE, "wn002", "same", "jane.officer", f.clock.instant());
        assertThat(alpha()).isEqualTo(State.FIXED);
        assertThat(f.status.vulnerableSites(List.of(CVE))).containsExactly("BETA-GRID");
        assertThat(audit()).containsExactly(
                "jane.officer false-positive host wn001 of ALPHA-LCG2 marked false positive for " + CVE
                        + ": kernel live-patched (kpatch), Pakiti cannot see it",
                "jane.officer false-positive host wn002 of ALPHA-LCG2 marked false positive for " + CVE + ": same");
    }

    @Test
    void falsePositiveSiteIsIgnoredEvenWhenTheFeedListsItAgain() {
        long before = f.status.version();
        f.status.markSiteFalsePositive("BETA-GRID", CVE, "ce01 is a honeypot", "irtf.duty", f.clock.instant());
        assertThat(f.status.version()).as("the engine sees the change").isNotEqualTo(before);
        feed(row(CVE, "BETA-GRID", "ce01", "2026-11-24 08:00:00") + row(CVE, "ALPHA-LCG2", "wn001", "2026-11-24 08:00:00"));
        assertThat(f.status.of("BETA-GRID", List.of(CVE)).state()).isEqualTo(State.FIXED);
        assertThat(f.status.vulnerableSites(List.of(CVE))).containsExactly("ALPHA-LCG2");
        assertThat(audit()).containsExactly("irtf.duty false-positive site BETA-GRID marked false positive for " + CVE + ": ce01 is a honeypot");
    }

    @Test
    void siteLevelCountsStillWorkForSitesWithoutHostData() {
        f.status.set("GAMMA", CVE, 2, f.clock.instant());
        assertThat(f.status.of("GAMMA", List.of(CVE)).state()).isEqualTo(State.VULNERABLE);
        f.status.set("GAMMA", CVE, 0, f.clock.instant());
        assertThat(f.status.of("GAMMA", List.of(CVE)).state()).isEqualTo(State.FIXED);
    }

    private List<String> audit() {
        return f.database.inTransaction(c -> {
            List<String> out = new java.util.ArrayList<>();
            try (var rs = c.createStatement().executeQuery("SELECT actor, event_type, detail FROM audit_event ORDER BY id")) {
                while (rs.next()) out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            return out;
        });
    }
}
