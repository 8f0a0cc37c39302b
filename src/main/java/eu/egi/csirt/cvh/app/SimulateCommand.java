package eu.egi.csirt.cvh.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import eu.egi.csirt.cvh.adapter.directory.CsvSiteDirectory;
import eu.egi.csirt.cvh.adapter.store.JdbcVulnerabilityStatus;
import eu.egi.csirt.cvh.domain.calendar.VirtualClock;
import eu.egi.csirt.cvh.domain.campaign.Advisory;
import eu.egi.csirt.cvh.domain.campaign.Campaign;
import eu.egi.csirt.cvh.domain.campaign.CaseStatus;
import eu.egi.csirt.cvh.domain.campaign.SiteCase;
import eu.egi.csirt.cvh.domain.campaign.SiteContacts;
import eu.egi.csirt.cvh.domain.engine.Decision;
import eu.egi.csirt.cvh.domain.engine.TickReport;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * A whole campaign in virtual time against the real engine, database (in-memory HSQLDB), routes and
 * SMTP (an in-process GreenMail): sites fix early, late, never, or get an extension or a veto; the
 * officer confirms every proposed suspension. Prints what happened per day and, last, one JSON line.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Run a whole campaign in virtual time with synthetic sites and print what happened (last line: JSON).")
public final class SimulateCommand implements Callable<Integer> {

    static final String CVE = "CVE-2026-31337";

    @Option(names = "--sites", description = "number of vulnerable sites (default: ${DEFAULT-VALUE})")
    int sites = 1000;

    @Option(names = "--seed", description = "random seed for the site behaviours (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--procedure", description = "procedure (default: ${DEFAULT-VALUE})")
    String procedure = "sec03-critical";

    @Option(names = "--issued", description = "advisory time (default: ${DEFAULT-VALUE})")
    Instant issued = Instant.parse("2026-11-24T10:00:00Z");

    @Option(names = "--config", description = "configuration folder (default: ${DEFAULT-VALUE})")
    Path config = Path.of("config");

    enum Behaviour { FIX_BEFORE_TICKET, FIX_AFTER_TICKET, FIX_AFTER_FINAL_WARNING, NEVER, EXTENSION, VETO, REINTRODUCED }

    private static final double[] WEIGHTS = {0.30, 0.25, 0.05, 0.25, 0.07, 0.05, 0.03};

    @Override
    public Integer call() throws Exception {
        long wallStart = System.nanoTime();
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        Path tmp = Files.createTempDirectory("cvh-sim");
        int smtpPort = freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", "smtp"));
        smtp.start();
        Map<String, String> o = new LinkedHashMap<>();
        o.put("app.db.url", "jdbc:hsqldb:mem:sim" + System.nanoTime() + ";hsqldb.tx=mvcc");
        o.put("app.clock", "virtual:" + issued);
        o.put("app.triggers.enabled", "false");
        o.put("app.smtp.host", "127.0.0.1");
        o.put("app.smtp.port", Integer.toString(smtpPort));
        o.put("app.mail.embedded", "false");
        o.put("camel.main.routes-reload-enabled", "false");
        o.put("app.console.port", "0");   // a free port: never clashes with a running console
        o.put("app.console.default-password", "simulation");
        o.put("app.advisories.folder", tmp.resolve("advisories").toString());
        o.put("app.status.folder", tmp.resolve("status").toString());
        o.put("app.decisions.folder", tmp.resolve("decisions").toString());
        Path propertiesFile = config.resolve("application.properties");
        Settings settings = Settings.load(propertiesFile, o);

        Map<String, SiteContacts> contacts = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= sites; i++) {
            String name = String.format("SIM-%04d", i);
            String d = name.toLowerCase() + ".example.org";
            names.add(name);
            contacts.put(name, new SiteContacts(name, "NGI_SIM" + (i % 20), List.of("security@" + d), List.of("admin@" + d),
                    List.of("security@ngi-sim" + (i % 20) + ".example.org"), List.of("ops@" + d), List.of("rod@ngi-sim.example.org")));
        }
        Wiring wiring = new Wiring(settings, CsvSiteDirectory.of(contacts));
        VirtualClock clock = (VirtualClock) wiring.clock;
        Main main = new Main();
        main.setPropertyPlaceholderLocations("file:" + propertiesFile);
        Properties p = new Properties();
        p.putAll(o);
        main.setOverrideProperties(p);
        main.bind("wiring", wiring);
        main.start();
        try {
            ProducerTemplate camel = main.getCamelContext().createProducerTemplate();
            Map<JdbcVulnerabilityStatus.SiteCve, Integer> all = new HashMap<>();
            names.forEach(n -> all.put(new JdbcVulnerabilityStatus.SiteCve(n, CVE), 3));
            wiring.status.accept(new JdbcVulnerabilityStatus.Snapshot("simulation", issued, sites * 3, all));
            Campaign campaign = wiring.engine.start(new Advisory("SIM-" + seed, "Simulated critical vulnerability", procedure,
                    List.of(CVE), "https://advisories.example.org/SIM", "Update and reboot.", issued, List.of(), false,
                    java.util.Optional.empty(), "simulation"));
            Instant deadline = campaign.deadline();
            Instant finalWarning = deadline.minus(Duration.ofHours(24));
            Instant ticketAt = new eu.egi.csirt.cvh.domain.procedure.Planner(CalendarSettings.from(settings))
                    .plan(wiring.procedures.get(procedure), issued).stream()
                    .filter(s -> s.step().action() == eu.egi.csirt.cvh.domain.procedure.StepAction.OPEN_TICKET)
                    .findFirst().map(s -> s.at()).orElse(issued);
            Instant end = deadline.plus(Duration.ofDays(10));

            Random random = new Random(seed);
            TreeMap<Instant, List<Runnable>> events = new TreeMap<>();
            Map<Behaviour, Integer> behaviours = new TreeMap<>();
            Instant extendedDeadline = deadline.plus(Duration.ofDays(7));
            for (String site : names) {
                Behaviour b = pick(random);
                behaviours.merge(b, 1, Integer::sum);
                switch (b) {
                    case FIX_BEFORE_TICKET -> at(events, between(random, issued.plus(Duration.ofHours(2)), ticketAt), () -> fix(wiring, site, clock));
                    case FIX_AFTER_TICKET -> at(events, between(random, ticketAt.plus(Duration.ofHours(1)), finalWarning), () -> fix(wiring, site, clock));
                    case FIX_AFTER_FINAL_WARNING -> at(events, between(random, finalWarning.plus(Duration.ofHours(1)), deadline), () -> fix(wiring, site, clock));
                    case NEVER -> { }
                    case EXTENSION -> {
                        at(events, finalWarning.minus(Duration.ofHours(12)), () -> wiring.engine.decide(new Decision.Extend(campaign.id(),
                                site, extendedDeadline, "OMB", "downtime needed, agreed with the OMB", "simulated officer")));
                        at(events, extendedDeadline.minus(Duration.ofDays(2)), () -> fix(wiring, site, clock));
                    }
                    case VETO -> at(events, deadline.minus(Duration.ofHours(6)), () -> wiring.engine.decide(new Decision.Veto(campaign.id(),
                            site, "COO", "site runs a critical service this week", "simulated COO")));
                    case REINTRODUCED -> {
                        at(events, issued.plus(Duration.ofHours(5)), () -> fix(wiring, site, clock));
                        at(events, ticketAt.plus(Duration.ofDays(1)), () -> wiring.status.set(site, CVE, 1, clock.instant()));
                    }
                }
            }

            Map<String, Integer> total = new TreeMap<>();
            Map<String, Integer> day = new TreeMap<>();
            String currentDay = null;
            int suspensionsConfirmed = 0;
            long tickNanos = 0;
            long deliverNanos = 0;
            for (Instant t = issued; !t.isAfter(end); t = t.plus(Duration.ofHours(1))) {
                clock.set(t);
                String d = t.toString().substring(0, 10);
                if (!d.equals(currentDay)) {
                    if (currentDay != null && !day.isEmpty()) System.out.println(currentDay + "  " + day);
                    currentDay = d;
                    day.clear();
                }
                for (var e : events.headMap(t, true).entrySet()) e.getValue().forEach(Runnable::run);
                events.headMap(t, true).clear();
                long t1 = System.nanoTime();
                TickReport report = camel.requestBody("direct:procedure-tick-run", null, TickReport.class);
                tickNanos += System.nanoTime() - t1;
                // the simulated officer confirms every proposed suspension at once (SEC03 4.2)
                for (SiteCase c : wiring.store.inTransaction(tx -> tx.cases(campaign.id(), CaseStatus.SUSPENSION_PROPOSED))) {
                    {
                        wiring.engine.decide(new Decision.ConfirmSuspension(campaign.id(), c.site(),
                                "still vulnerable after the deadline and all notifications", "simulated officer"));
                        suspensionsConfirmed++;
                        report.count("decision.confirm-suspension");
                    }
                }
                long t2 = System.nanoTime();
                camel.sendBody("direct:outbox-mail-deliver", null);
                deliverNanos += System.nanoTime() - t2;
                report.counts().forEach((k, v) -> { total.merge(k, v, Integer::sum); day.merge(k, v, Integer::sum); });
            }
            if (!day.isEmpty()) System.out.println(currentDay + "  " + day);

            Map<String, Integer> statuses = new TreeMap<>();
            int reintroduced = 0;
            for (SiteCase c : wiring.store.inTransaction(tx -> tx.cases(campaign.id()))) {
                statuses.merge(c.status().name().toLowerCase(), 1, Integer::sum);
                if (c.round() > 1 || !c.procedureId().equals(procedure)) reintroduced++;
            }
            Map<String, Integer> mails = new TreeMap<>();
            Map<String, Integer> other = new TreeMap<>();
            wiring.outbox.countsByChannelAndKind().forEach((k, v) -> {
                if (k.startsWith("mail.")) mails.put(k.substring(5), v); else other.put(k, v);
            });
            Map<String, Integer> outboxStatus = wiring.outbox.countsByChannelAndStatus();
            Runtime rt = Runtime.getRuntime();
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("sites", sites);
            summary.put("seed", seed);
            summary.put("procedure", procedure);
            summary.put("issued", issued.toString());
            summary.put("deadline", deadline.toString());
            summary.put("behaviours", behaviours);
            summary.put("case_status", statuses);
            summary.put("reintroduced_cases", reintroduced);
            summary.put("mails", mails);
            summary.put("mails_total", mails.values().stream().mapToInt(Integer::intValue).sum());
            summary.put("smtp_received", smtp.getReceivedMessages().length);
            summary.put("tickets", total.getOrDefault("ticket.opened", 0));
            summary.put("suspensions", statuses.getOrDefault("suspended", 0));
            summary.put("suspensions_confirmed", suspensionsConfirmed);
            summary.put("waiting_for_connector", other);
            summary.put("mail_dead_letters", outboxStatus.getOrDefault("MAIL.DEAD", 0));
            summary.put("mail_pending", outboxStatus.getOrDefault("MAIL.PENDING", 0));
            summary.put("heap_used_mib", (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
            summary.put("heap_max_mib", rt.maxMemory() / (1024 * 1024));
            summary.put("engine_ms", tickNanos / 1_000_000);
            summary.put("smtp_delivery_ms", deliverNanos / 1_000_000);
            summary.put("wall_ms", (System.nanoTime() - wallStart) / 1_000_000);
            System.out.println(new ObjectMapper().writeValueAsString(summary));
        } finally {
            main.stop();
            wiring.close();
            smtp.stop();
        }
        return 0;
    }

    private static void fix(Wiring wiring, String site, VirtualClock clock) {
        wiring.status.set(site, CVE, 0, clock.instant());
    }

    private static void at(TreeMap<Instant, List<Runnable>> events, Instant t, Runnable r) {
        events.computeIfAbsent(t.truncatedTo(java.time.temporal.ChronoUnit.HOURS), k -> new ArrayList<>()).add(r);
    }

    private static Instant between(Random random, Instant from, Instant to) {
        long span = Math.max(1, Duration.between(from, to).toHours());
        return from.plus(Duration.ofHours(random.nextInt((int) span)));
    }

    private static Behaviour pick(Random random) {
        double r = random.nextDouble();
        double sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += WEIGHTS[i];
            if (r < sum) return Behaviour.values()[i];
        }
        return Behaviour.NEVER;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
