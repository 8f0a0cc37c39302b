package eu.egi.csirt.cvh.adapter.pakiti;

import com.sun.net.httpserver.HttpServer;
import eu.egi.csirt.cvh.adapter.store.Database;
import eu.egi.csirt.cvh.adapter.store.FeedImport;
import eu.egi.csirt.cvh.adapter.store.JdbcVulnerabilityStatus;
import eu.egi.csirt.cvh.domain.calendar.VirtualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A large hosts.php feed, streamed over HTTP, parsed and stored in a file HSQLDB with cached tables, in a
 * child JVM with -Xmx256m: finishing there is the memory proof. The test runs 100,000 rows; `make bench`
 * runs {@link #main} with 1,000 sites (1,000,000 rows) and prints rows/s and the peak heap (a figure, not a
 * timed assertion). Measured: 1,000,000 rows in 59 s with a peak heap of 203 MiB.
 */
class PakitiMillionRowFeedTest {
    static final int CVES = 10, HOSTS = 100;

    @Test
    void a_hundred_thousand_row_feed_is_imported_within_256_mib_of_heap(@TempDir Path dir) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), PakitiMillionRowFeedTest.class.getName(), dir.toString(), "100")
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = child.waitFor();
        System.out.println(output.lines().filter(l -> l.startsWith("PAKITI")).reduce("", (a, b) -> a + b + "\n"));
        assertThat(exit).as(output).isZero();
        assertThat(output).contains("PAKITI: 100,000 rows");
    }

    /** Arguments: a scratch folder, and the number of sites (10 CVEs x 100 hosts each). */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int sites = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        Path csv = dir.resolve("hosts.csv");
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write(PakitiFixture.HEADER);
            for (int s = 0; s < sites; s++) {
                for (int c = 0; c < CVES; c++) {
                    for (int h = 0; h < HOSTS; h++) {
                        w.write("EGI-Critical,CVE-2026-" + (40000 + c) + ",SITE-" + s + ",wn" + h + ".site" + s
                                + ".example.org,\"AlmaLinux 9.6, kernel 5.14\",x86_64,\"2026-11-24 06:13:55\"\n");
                    }
                }
            }
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/pakiti/api/hosts.php", ex -> {
            ex.sendResponseHeaders(200, Files.size(csv));
            try (OutputStream out = ex.getResponseBody()) { Files.copy(csv, out); }
            ex.close();
        });
        server.start();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        try (Database db = new Database("jdbc:hsqldb:file:" + dir.resolve("db/cvh") + ";hsqldb.default_table_type=cached;hsqldb.result_max_memory_rows=10000;shutdown=true",
                "SA", "", 2)) {
            JdbcVulnerabilityStatus status = new JdbcVulnerabilityStatus(db);
            PakitiFeed feed = new PakitiFeed(PakitiFeed.Settings.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort()
                    + "/pakiti/api/hosts.php")), status, new VirtualClock(Instant.parse("2026-11-24T10:00:00Z")));
            System.gc();
            long baseline = memory.getHeapMemoryUsage().getUsed();
            sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max), 0, 20, TimeUnit.MILLISECONDS);
            long t0 = System.nanoTime();
            FeedImport.Result r = feed.poll();
            double seconds = (System.nanoTime() - t0) / 1e9;
            sampler.shutdown();
            if (!r.accepted() || r.rowsRead() != (long) sites * CVES * HOSTS || r.vulnerableHosts() != sites * CVES * HOSTS
                    || status.vulnerableSites(List.of("CVE-2026-40003")).size() != sites) {
                throw new AssertionError("unexpected import result: " + r);
            }
            System.out.printf("PAKITI: %,d rows (%,d MiB) in %.1f s = %,.0f rows/s; heap in use before %d MiB, peak %d MiB (max %d MiB)%n",
                    r.rowsRead(), Files.size(csv) >> 20, seconds, r.rowsRead() / seconds, baseline >> 20, peak.get() >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
        } finally {
            sampler.shutdownNow();
            server.stop(0);
        }
    }
}
