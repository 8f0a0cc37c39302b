package eu.egi.csirt.cvh.adapter.pakiti;

import eu.egi.csirt.cvh.adapter.pakiti.PakitiTestServer.Answer;
import eu.egi.csirt.cvh.adapter.store.FeedImport;
import eu.egi.csirt.cvh.adapter.store.JdbcVulnerabilityStatus.ImportRecord;
import eu.egi.csirt.cvh.domain.campaign.Vulnerability;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static eu.egi.csirt.cvh.adapter.pakiti.PakitiFixture.CVE;
import static eu.egi.csirt.cvh.adapter.pakiti.PakitiFixture.HEADER;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 3, Pakiti safety: a feed that fails, is truncated, has a wrong header or is suddenly empty changes nothing. */
class PakitiFeedRefusesBrokenFeedsTest {

    PakitiFixture f;
    String before;

    @BeforeEach
    void sampleFeedAccepted() throws Exception {
        f = new PakitiFixture();
        f.server.answer(Answer.csv(PakitiFixture.sample()));
        FeedImport.Result first = f.feed.poll();
        assertThat(first.accepted()).as(first.toString()).isTrue();
        assertThat(first.rowsListed()).isEqualTo(5);
        before = f.dataSnapshot();
        f.clock.advance(Duration.ofHours(1));
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void sampleFeedGivesVulnerableHostsWithTheirLastReport() {
        assertThat(f.status.vulnerableSites(List.of(CVE))).containsExactlyInAnyOrder("ALPHA-LCG2", "BETA-GRID", "DELTA-T2");
        Vulnerability alpha = f.status.of("ALPHA-LCG2", List.of(CVE));
        assertThat(alpha.state()).isEqualTo(Vulnerability.State.VULNERABLE);
        assertThat(alpha.vulnerableHosts()).isEqualTo(2);
        assertThat(f.status.hosts("ALPHA-LCG2", CVE)).extracting(h -> h.host() + "@" + h.lastReport())
                .containsExactly("wn001.alpha.example.org@2026-11-24T06:13:55Z", "wn002.alpha.example.org@2026-11-24T06:14:02Z");
        assertThat(f.status.of("NEVER-SEEN", List.of(CVE)).state()).isEqualTo(Vulnerability.State.UNKNOWN);
        assertThat(f.server.requests.get(0).getQuery()).isEqualTo("tag=EGI-Critical");
    }

    @Test
    void quotedFieldsWithCommasAreOneField() {
        f.server.answer(Answer.csv(HEADER
                + "EGI-Critical,CVE-2026-31337,\"OMEGA, the site\",wn1.omega.example,\"Linux, \"\"special\"\" edition\",x86_64,\"2026-11-24 07:00:00\"\n"));
        assertThat(f.feed.poll().accepted()).isTrue();
        assertThat(f.status.vulnerableSites(List.of(CVE))).containsExactly("OMEGA, the site");
    }

    @Test
    void wrongHeaderIsRefusedAndChangesNothing() {
        f.server.answer(Answer.csv("CVE_Tag,Country,ROC,Site_Name,Hostname,Host_Architecture,Host_OS,CVE_Name,CSIRT_Mails\n"
                + "EGI-Critical,,,ALPHA-LCG2,wn001,x86_64,Alma,CVE-2026-31337,\n"));
        assertRefusedUnchanged("expected the Pakiti header");
    }

    @Test
    void lastRecordWithMissingFieldsIsRefusedAndChangesNothing() {
        f.server.answer(Answer.csv(HEADER + PakitiFixture.row(CVE, "BETA-GRID", "ce01.beta.example.net", "2026-11-24 09:00:00")
                + "EGI-Critical,CVE-2026-31337,ALPHA-LCG2,wn001.alpha.example.org\n"));
        assertRefusedUnchanged("expected 7 fields, found 4");
    }

    @Test
    void feedCutInsideAQuotedFieldIsRefusedAndChangesNothing() {
        f.server.answer(Answer.csv(HEADER + PakitiFixture.row(CVE, "BETA-GRID", "ce01.beta.example.net", "2026-11-24 09:00:00")
                + "EGI-Critical,CVE-2026-31337,ALPHA-LCG2,wn001.alpha.example.org,\"AlmaLinux 9.6\",x86_64,\"2026-11-24 0"));
        assertRefusedUnchanged("not a valid Pakiti CSV");
    }

    @Test
    void feedCutAfterAClosingQuoteIsRefusedAndChangesNothing() {
        String all = HEADER + PakitiFixture.row(CVE, "BETA-GRID", "ce01.beta.example.net", "2026-11-24 09:00:00");
        f.server.answer(Answer.csv(all.substring(0, all.length() - 1)));
        assertRefusedUnchanged("the last record has no line break");
    }

    @Test
    void bodyShorterThanContentLengthIsRefusedAndChangesNothing() {
        // the test server keeps the connection open after the short body: the feed's deadline ends the wait
        PakitiFeed impatient = new PakitiFeed(PakitiFeed.Settings.of(f.server.url()).withTimeout(Duration.ofMillis(500)), f.status, f.clock);
        f.server.answer(Answer.cut(HEADER + PakitiFixture.row(CVE, "BETA-GRID", "ce01.beta.example.net", "2026-11-24 09:00:00"), 100_000));
        assertRefusedUnchanged(impatient, "no complete answer within PT0.5S");
    }

    @Test
    void emptyFeedAfterANonEmptyOneIsRefusedAndChangesNothing() {
        f.server.answer(Answer.csv(HEADER));
        assertRefusedUnchanged("empty feed while 5 hosts were vulnerable");
    }

    @Test
    void emptyBodyIsRefusedAndChangesNothing() {
        f.server.answer(Answer.csv(""));
        assertRefusedUnchanged("expected the Pakiti header");
    }

    @Test
    void serverErrorIsRefusedAndChangesNothing() {
        f.server.answer(Answer.status(500));
        assertRefusedUnchanged("HTTP 500");
    }

    @Test
    void hungServerTimesOutAndChangesNothing() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        PakitiFeed impatient = new PakitiFeed(PakitiFeed.Settings.of(f.server.url()).withTimeout(Duration.ofMillis(300)), f.status, f.clock);
        f.server.answer(Answer.hung(release));
        try {
            FeedImport.Result r = impatient.poll();
            assertThat(r.accepted()).isFalse();
            assertThat(r.reason()).contains("HttpTimeoutException");
        } finally {
            release.countDown();
        }
        assertThat(f.dataSnapshot()).isEqualTo(before);
    }

    @Test
    void unreachablePakitiIsRefusedAndChangesNothing() {
        PakitiFeed nowhere = new PakitiFeed(PakitiFeed.Settings.of(java.net.URI.create("http://127.0.0.1:1/pakiti/api/hosts.php")),
                f.status, f.clock);
        FeedImport.Result r = nowhere.poll();
        assertThat(r.accepted()).isFalse();
        assertThat(r.reason()).contains("ConnectException");
        assertThat(f.dataSnapshot()).isEqualTo(before);
    }

    @Test
    void localFileUrlIsReadLikeHostsPhp(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("hosts.csv");
        Files.writeString(file, HEADER + PakitiFixture.row(CVE, "ALPHA-LCG2", "wn001.alpha.example.org", "2026-11-24 10:30:00"));
        FeedImport.Result r = new PakitiFeed(PakitiFeed.Settings.of(file.toUri()), f.status, f.clock).poll();
        assertThat(r.accepted()).as(r.toString()).isTrue();
        assertThat(f.status.vulnerableSites(List.of(CVE))).containsExactly("ALPHA-LCG2");
    }

    @Test
    void filtersAndBasicAuthAreSentToHostsPhp() {
        PakitiFeed filtered = new PakitiFeed(PakitiFeed.Settings.of(f.server.url())
                .withFilters("EGI-Critical", CVE, "ALPHA-LCG2", "7d").withBasicAuth("cvh", "s3cret"), f.status, f.clock);
        f.server.answer(Answer.csv(HEADER + PakitiFixture.row(CVE, "ALPHA-LCG2", "wn001.alpha.example.org", "2026-11-24 10:30:00")));
        assertThat(filtered.poll().accepted()).isTrue();
        assertThat(f.server.requests.get(1).getQuery()).isEqualTo("tag=EGI-Critical&cveName=" + CVE + "&hostGroup=ALPHA-LCG2&activity=7d");
        assertThat(f.server.authorizations.get(1)).isEqualTo("Basic Y3ZoOnMzY3JldA==");
        // the filter scopes the feed: BETA-GRID is not in it, so it is not touched
        assertThat(f.status.of("BETA-GRID", List.of(CVE)).state()).isEqualTo(Vulnerability.State.VULNERABLE);
        assertThat(f.status.of("ALPHA-LCG2", List.of(CVE)).vulnerableHosts()).isEqualTo(1);
        assertThat(f.status.hosts("ALPHA-LCG2", CVE)).extracting(h -> h.host() + (h.vulnerable() ? " vulnerable" : " gone"))
                .containsExactly("wn001.alpha.example.org vulnerable", "wn002.alpha.example.org gone");
    }

    private void assertRefusedUnchanged(String why) {
        assertRefusedUnchanged(f.feed, why);
    }

    private void assertRefusedUnchanged(PakitiFeed feed, String why) {
        long versionBefore = f.status.version();
        FeedImport.Result r = feed.poll();
        assertThat(r.accepted()).as(r.toString()).isFalse();
        assertThat(r.reason()).contains(why);
        assertThat(f.dataSnapshot()).isEqualTo(before);
        ImportRecord recorded = f.status.recentImports(1).get(0);
        assertThat(recorded.accepted()).isFalse();
        assertThat(recorded.error()).isEqualTo(r.reason());
        assertThat(f.status.version()).as("the officer sees a new import event").isNotEqualTo(versionBefore);
        int staged = f.database.inTransaction(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM feed_staging")) { rs.next(); return rs.getInt(1); }
            catch (java.sql.SQLException e) { throw new IllegalStateException(e); }
        });
        assertThat(staged).as("staged rows dropped").isZero();
    }
}
