package eu.egi.csirt.cvh.adapter.reply;

import eu.egi.csirt.cvh.adapter.mail.InboundMailStore;
import eu.egi.csirt.cvh.adapter.mail.OutboxMail;
import eu.egi.csirt.cvh.adapter.store.JdbcReplyCases;
import eu.egi.csirt.cvh.domain.reply.ReplyClassifier;
import eu.egi.csirt.cvh.support.EngineFixture;
import eu.egi.csirt.cvh.support.Procedures;
import eu.egi.csirt.cvh.support.ReplyMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replies per second through the whole path (MIME parse, classify, match, act, record) on the file HSQLDB;
 * a third of them name no case and are matched by their sender among all open cases.
 * {@code make bench} runs {@link #main} with 1,000 sites and 3 replies each; the test runs 100 sites.
 */
class ReplyThroughputTest {

    static final String[] TEXTS = {
            "Thanks, we are aware and working on it; the update is planned for Thursday.",
            "We have updated the kernel on all worker nodes and rebooted them.",
            "Our site is not affected: we do not run the vulnerable kernel.",
            "As a workaround we have disabled the affected module on all worker nodes.",
            "Could we have an extension until 2026-12-10? We need more time for the downtime."};

    @Test
    void every_reply_of_a_hundred_sites_is_processed_once(@TempDir Path dir) throws Exception {
        assertThat(run(dir, 100, 3)).containsEntry("PROCESSED", 300);
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int sites = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        run(dir, sites, 3);
    }

    static Map<String, Integer> run(Path dir, int sites, int perSite) throws Exception {
        try (EngineFixture f = new EngineFixture(Instant.parse("2026-11-30T10:00:00Z"),
                "jdbc:hsqldb:file:" + dir.resolve("db/cvh") + ";hsqldb.default_table_type=cached;shutdown=true", "SA")) {
            for (int s = 0; s < sites; s++) f.site("SITE" + s).vulnerable("SITE" + s);
            f.start("sdis-ticket");
            f.runUntil(Instant.parse("2026-11-30T11:00:00Z"));
            InboundMailStore inbound = new InboundMailStore(f.database, f.clock);
            OutboxMail mail = new OutboxMail(f.outbox, f.clock, new OutboxMail.MailIdentity("csirt@example.org", "", "cvh.test"), 3);
            ReplyProcessor processor = new ReplyProcessor(inbound,
                    () -> new ReplyClassifier(PhraseFile.read(Procedures.CONFIG.resolve("replies/phrases.yaml"))),
                    new JdbcReplyCases(f.database, f.directory(), mail::threadId), f.engine, f.clock, ZoneOffset.UTC);
            var memory = ManagementFactory.getMemoryMXBean();
            AtomicLong peak = new AtomicLong();
            var sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max), 0, 20, TimeUnit.MILLISECONDS);
            long t0 = System.nanoTime();
            for (int s = 0; s < sites; s++) {
                for (int r = 0; r < perSite; r++) {
                    String site = "SITE" + s;
                    inbound.store(ReplyMail.aReply().from("security@" + site.toLowerCase() + ".example")
                            // every third reply names nothing: it is matched by its sender among all open cases
                            .subject(r == 2 ? "Re: kernel" : "Re: [CVH ADV-1 " + site + "] ticket").text(TEXTS[(s + r) % TEXTS.length])
                            .message(), "imap:bench");
                }
            }
            double stored = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            Map<String, Integer> total = new java.util.TreeMap<>();
            for (Map<String, Integer> batch = processor.processPending(); !batch.isEmpty(); batch = processor.processPending()) {
                batch.forEach((k, v) -> total.merge(k, v, Integer::sum));
            }
            double processed = (System.nanoTime() - t1) / 1e9;
            sampler.shutdownNow();
            int n = sites * perSite;
            System.out.printf("REPLIES: %,d replies of %,d sites: stored in %.1f s (%,.0f/s), processed in %.1f s (%,.0f/s) %s;"
                            + " peak heap %d MiB (max %d MiB)%n", n, sites, stored, n / stored, processed, n / processed, total,
                    peak.get() >> 20, Runtime.getRuntime().maxMemory() >> 20);
            return total;
        }
    }
}
