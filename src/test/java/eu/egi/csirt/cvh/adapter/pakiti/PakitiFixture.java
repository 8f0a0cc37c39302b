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
    static final Path SAMPLE = Path.of("/work/shared/samples/pakiti/hosts-EGI-Critical.csv");
    static final String HEADER = "tag,cve,site,host,os,arch,last_report\n";
    static final String CVE = "CVE-2026-31337";

    final VirtualClock clock = new VirtualClock(Instant.parse("2026-11-24T10:00:00Z"));
    final Database database = new Database(EngineFixture.memoryDatabase(), "SA", "", 2);
    final JdbcVulnerabilityStatus status = new JdbcVulnerabilityStatus(database);
    final PakitiTestServer server = new PakitiTestServer();
    final PakitiFeed feed = new PakitiFeed(PakitiFeed.Settings.of(server.url()), status, clock);

    PakitiFixture() throws IOException {}

    static String sample() throws IOException {
        // the shared sample when present, else the same five rows (keeps the test runnable on a fresh clone)
        return Files.exists(SAMPLE) ? Files.readString(SAMPLE, StandardCharsets.UTF_8) : HEADER
                + "EGI-Critical,CVE-2026-31337,ALPHA-LCG2,wn001.alpha.example.org,\"AlmaLinux 9.6\",x86_64,\"2026-11-24 06:13:55\"\n"
                + "EGI-Critical,CVE-2026-31337,ALPHA-LCG2,wn002.alpha.example.org,\"AlmaLinux 9.6\",x86_64,\"2026-11-24 06:14:02\"\n"
                + "EGI-Critical,CVE-2026-31337,BETA-GRID,ce01.beta.example.net,\"Rocky Linux 8.10\",x86_64,\"2026-11-23 22:40:10\"\n"
                + "EGI-Critical,CVE-2026-31337,DELTA-T2,se01.delta.example.com,\"Ubuntu 24.04.3 LTS\",x86_64,\"2026-11-20 03:01:44\"\n"
                + "EGI-Critical,CVE-2026-40001,GAMMA-CLOUD,hv07.gamma.example.com,\"AlmaLinux 9.6\",x86_64,\"2026-11-24 05:55:00\"\n";
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
