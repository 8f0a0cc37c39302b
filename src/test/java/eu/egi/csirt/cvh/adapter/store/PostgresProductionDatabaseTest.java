package eu.egi.csirt.cvh.adapter.store;

import eu.egi.csirt.cvh.domain.campaign.CaseStatus;
import eu.egi.csirt.cvh.domain.engine.Decision;
import eu.egi.csirt.cvh.support.EngineFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production database: the Flyway schema and a whole campaign on a real PostgreSQL server
 * (started by .ci/postgres.sh, which `make test` runs). Fails, never skips, when the server is missing.
 */
class PostgresProductionDatabaseTest {

    static final String SERVER = System.getenv().getOrDefault("CVH_TEST_PG", "jdbc:postgresql://127.0.0.1:5433/");
    static final String DB = "cvh_test_" + System.nanoTime();

    @BeforeAll
    static void createDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + DB);
        } catch (SQLException e) {
            throw new SQLException("no PostgreSQL at " + SERVER + ": start it with `bash .ci/postgres.sh up` (make test does)", e);
        }
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
        }
    }

    @Test
    void a_campaign_with_a_fix_an_extension_a_veto_a_suspension_and_a_reintroduction_runs_on_postgresql() {
        try (EngineFixture f = new EngineFixture(Instant.parse("2026-11-24T10:00:00Z"), SERVER + DB, "postgres")) {
            f.sixVulnerableSites();
            f.start("sec03-critical");
            f.runUntil(Instant.parse("2026-11-27T12:00:00Z"));
            f.fixed("ALPHA");
            f.runUntil(Instant.parse("2026-11-29T12:00:00Z"));
            f.engine.decide(new Decision.Extend("ADV-1", "GAMMA", Instant.parse("2026-12-08T10:00:00Z"), "CSIRT", "patch scheduled", "officer"));
            f.engine.decide(new Decision.Veto("ADV-1", "DELTA", "COO", "critical service", "officer"));
            f.vulnerable("ALPHA");
            f.runUntil(Instant.parse("2026-12-01T10:00:00Z"));
            f.engine.decide(new Decision.ConfirmSuspension("ADV-1", "BETA", "no response", "officer"));
            f.deliverMail();

            assertThat(f.caseOf("ADV-1", "ALPHA").round()).isEqualTo(2);
            assertThat(f.caseOf("ADV-1", "ALPHA").procedureId()).isEqualTo("sec03-reintroduced");
            assertThat(f.caseOf("ADV-1", "BETA").status()).isEqualTo(CaseStatus.SUSPENDED);
            assertThat(f.caseOf("ADV-1", "GAMMA").status()).isEqualTo(CaseStatus.OPEN);
            assertThat(f.caseOf("ADV-1", "DELTA").status()).isEqualTo(CaseStatus.VETOED);
            assertThat(f.caseOf("ADV-1", "EPSILON").status()).isEqualTo(CaseStatus.SUSPENSION_PROPOSED);
            assertThat(f.sent("ticket-closed")).hasSize(1);
            assertThat(f.sent("final-warning")).as("BETA, EPSILON, ZETA and the re-introduced ALPHA").hasSize(4);
            assertThat(f.sent("suspension-carried-out")).hasSize(1);
            assertThat(f.outbox.countsByChannelAndStatus()).containsEntry("GOCDB.NO_CONNECTOR", 1).containsEntry("WIKI.NO_CONNECTOR", 1);
            assertThat(f.audit("BETA")).anySatisfy(a -> assertThat(a).startsWith("suspended"));
        }
    }

    @Test
    void a_pakiti_feed_is_applied_per_host_and_tells_fixed_from_unreached_on_postgresql(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        try (EngineFixture f = new EngineFixture(Instant.parse("2026-11-24T10:00:00Z"), SERVER + DB, "postgres")) {
            java.nio.file.Path csv = dir.resolve("hosts.csv");
            var feed = new eu.egi.csirt.cvh.adapter.pakiti.PakitiFeed(eu.egi.csirt.cvh.adapter.pakiti.PakitiFeed.Settings.of(csv.toUri()),
                    f.status, f.clock);
            String header = "tag,cve,site,host,os,arch,last_report\n";
            java.nio.file.Files.writeString(csv, header
                    + "EGI-Critical,CVE-2026-31337,ALPHA,wn1,\"Alma, 9\",x86_64,\"2026-11-24 06:00:00\"\n"
                    + "EGI-Critical,CVE-2026-31337,BETA,ce1,\"Alma, 9\",x86_64,\"2026-11-24 06:00:00\"\n");
            assertThat(feed.poll().accepted()).isTrue();
            java.nio.file.Files.writeString(csv, header
                    + "EGI-Critical,CVE-2026-88888,ALPHA,wn1,\"Alma, 9\",x86_64,\"2026-11-25 06:00:00\"\n");
            assertThat(feed.poll().accepted()).isTrue();
            var cves = java.util.List.of("CVE-2026-31337");
            assertThat(f.status.of("ALPHA", cves).state()).isEqualTo(eu.egi.csirt.cvh.domain.campaign.Vulnerability.State.FIXED);
            assertThat(f.status.of("BETA", cves).state()).isEqualTo(eu.egi.csirt.cvh.domain.campaign.Vulnerability.State.UNREACHED);
            java.nio.file.Files.writeString(csv, header);
            assertThat(feed.poll().accepted()).as("empty while ALPHA is vulnerable to another CVE: refused").isFalse();
        }
    }

    @Test
    void inbound_mail_is_stored_raw_once_in_postgresql_bytea() throws Exception {
        try (EngineFixture f = new EngineFixture(Instant.parse("2026-11-24T10:00:00Z"), SERVER + DB, "postgres")) {
            var store = new eu.egi.csirt.cvh.adapter.mail.InboundMailStore(f.database, f.clock);
            var session = jakarta.mail.Session.getInstance(new java.util.Properties());
            try (var in = java.nio.file.Files.newInputStream(java.nio.file.Path.of("src/test/resources/mail/03-mitigation.eml"))) {
                var mail = new jakarta.mail.internet.MimeMessage(session, in);
                assertThat(store.store(mail, "test")).isTrue();
                assertThat(store.store(mail, "test")).isFalse();
            }
        }
    }
}
