package eu.egi.csirt.cvh.adapter.pakiti;

import eu.egi.csirt.cvh.adapter.store.Database;
import eu.egi.csirt.cvh.adapter.store.JdbcVulnerabilityStatus;
import eu.egi.csirt.cvh.domain.calendar.VirtualClock;
import eu.egi.csirt.cvh.support.EngineFixture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** The real store on in-memory HSQLDB, a Pakiti test server, and a feed polling it, in virtual time. */
final class PakitiFixture implements AutoCloseable {
    static final Path SAMPLE = Path.of("config/samples/pakiti/hosts-EGI-Critical.csv");   // a copy of the shared sample
    static final String HEADER = "tag,cve,site,host,os,arch,last_report\n";
    static final String CVE = "CVE-2026-31337";

    final VirtualClock clock = new VirtualClock(Instant.parse("2026-11-24T10:00:00Z"));
    final Database database = new Database(EngineFixture.memoryDatabase(), "SA", "", 2);
    final JdbcVulnerabilityStatus status = new JdbcVulnerabilityStatus(database);
    final PakitiTestServer server = new PakitiTestServer();
    final PakitiFeed feed = new PakitiFeed(PakitiFeed.Settings.of(server.url()), status, clock);

    PakitiFixture() throws IOException {}

    static String sample() throws IOException {
        return Files.readString(SAMPLE, StandardCharsets.UTF_8);
    }

    static String row(String cve, String site, String host, String lastReport) {
        return "EGI-Critical," + cve + "," + site + "," + host + ",\"AlmaLinux 9.6\",x86_64,\"" + lastReport + "\"\n";
    }

    /** Everything the officer or the engine could read, to prove a refused feed changed none of it. */
    String dataSnapshot() {
        StringBuilder b = new StringBuilder();
        for (String site : List.of("ALPHA-LCG2", "BETA-GRID", "DELTA-T2", "GAMMA-CLOUD")) {
            b.append(site).append(status.of(site, List.of(CVE, "CVE-2026-40001"))).append(status.hosts(site, CVE))
                    .append(status.hosts(site, "CVE-2026-40001")).append('\n');
        }
        return b.append(status.vulnerableSites(List.of(CVE, "CVE-2026-40001"))).toString();
    }

    @Override
    public void close() {
        server.close();
        database.close();
    }
}
