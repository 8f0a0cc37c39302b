package eu.egi.csirt.cvh.support;

import eu.egi.csirt.cvh.adapter.directory.CsvSiteDirectory;
import eu.egi.csirt.cvh.adapter.store.Database;
import eu.egi.csirt.cvh.adapter.store.JdbcCampaignStore;
import eu.egi.csirt.cvh.adapter.store.JdbcOutbox;
import eu.egi.csirt.cvh.adapter.store.JdbcVulnerabilityStatus;
import eu.egi.csirt.cvh.adapter.template.FreemarkerRenderer;
import eu.egi.csirt.cvh.app.ConfigFiles;
import eu.egi.csirt.cvh.domain.calendar.VirtualClock;
import eu.egi.csirt.cvh.domain.calendar.WorkingCalendar;
import eu.egi.csirt.cvh.domain.campaign.Advisory;
import eu.egi.csirt.cvh.domain.campaign.AdvisoryScope;
import eu.egi.csirt.cvh.domain.campaign.Campaign;
import eu.egi.csirt.cvh.domain.campaign.Channel;
import eu.egi.csirt.cvh.domain.campaign.ListAddresses;
import eu.egi.csirt.cvh.domain.campaign.SiteCase;
import eu.egi.csirt.cvh.domain.campaign.SiteContacts;
import eu.egi.csirt.cvh.domain.engine.EngineSettings;
import eu.egi.csirt.cvh.domain.engine.ProcedureEngine;
import eu.egi.csirt.cvh.domain.procedure.Planner;
import eu.egi.csirt.cvh.port.Outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real engine on a real (in-memory HSQLDB) database with the shipped procedures and templates,
 * in virtual time. {@link #deliverMail()} stands in for the SMTP route: it marks mail delivered "now".
 */
public final class EngineFixture implements AutoCloseable {
    private static final AtomicInteger DB = new AtomicInteger();
    public static final String CVE = "CVE-2026-31337";
    public static final ListAddresses LISTS = new ListAddresses("site-security-contacts@lists.example.org",
            "ngi-security-contacts@lists.example.org", "noc-managers@lists.example.org", "coo@example.org", "csirt@example.org",
            "csirt-coordinator@example.org");

    public final VirtualClock clock;
    public final Database database;
    public final JdbcVulnerabilityStatus status;
    public final JdbcOutbox outbox;
    public final JdbcCampaignStore store;
    public final ProcedureEngine engine;
    public final List<Outbox.Pending> sent = new ArrayList<>();
    private final boolean viaRt;
    private final Map<String, SiteContacts> sites = new HashMap<>();

    public EngineFixture(Instant start) {
        this(start, "jdbc:hsqldb:mem:engine" + DB.incrementAndGet(), "SA");
    }

    public static String memoryDatabase() {
        return "jdbc:hsqldb:mem:engine" + DB.incrementAndGet();
    }

    /** The same engine on any database, e.g. a real PostgreSQL. */
    public EngineFixture(Instant start, String jdbcUrl, String user) {
        this(start, jdbcUrl, user, Procedures.catalog());
    }

    /** With other procedures (e.g. the shipped ones with a setting changed). */
    public EngineFixture(Instant start, String jdbcUrl, String user, eu.egi.csirt.cvh.port.ProcedureCatalog procedures) {
        this(start, jdbcUrl, user, procedures, EngineSettings.SuspensionConfirmation.IMMEDIATE, false);
    }

    /** A suspension counts only once GOCDB (a {@link eu.egi.csirt.cvh.port.CertificationCheck}) shows it. */
    public static EngineFixture confirmingSuspensionsInGocdb(Instant start) {
        return new EngineFixture(start, memoryDatabase(), "SA", Procedures.catalog(), EngineSettings.SuspensionConfirmation.GOCDB, false);
    }

    /** RT connected: ticket messages are RT correspondence; {@link #deliverRt()} stands in for the RT connector. */
    public static EngineFixture withTicketMailViaRt(Instant start) {
        return new EngineFixture(start, memoryDatabase(), "SA", Procedures.catalog(), EngineSettings.SuspensionConfirmation.IMMEDIATE, true);
    }

    private EngineFixture(Instant start, String jdbcUrl, String user, eu.egi.csirt.cvh.port.ProcedureCatalog procedures,
                          EngineSettings.SuspensionConfirmation confirmation, boolean viaRt) {
        this.viaRt = viaRt;
        clock = new VirtualClock(start);
        database = new Database(jdbcUrl, user, "", 2);
        status = new JdbcVulnerabilityStatus(database);
        outbox = new JdbcOutbox(database);
        store = new JdbcCampaignStore(database, viaRt ? Set.of(Channel.MAIL, Channel.RT) : Set.of(Channel.MAIL));
        engine = new ProcedureEngine(store, procedures, new Planner(WorkingCalendar.standard()), status,
                site -> Optional.ofNullable(sites.get(site)), new FreemarkerRenderer(ConfigFiles.templateFolder(Procedures.CONFIG)),
                new EngineSettings(LISTS, "EGI CSIRT", "abuse@egi.eu", Duration.ofMinutes(15), confirmation, Duration.ofHours(4),
                        viaRt), clock);
    }

    public EngineFixture site(String name) {
        String domain = name.toLowerCase();
        sites.put(name, new SiteContacts(name, "NGI_AA", List.of("security@" + domain + ".example"),
                List.of("admin@" + domain + ".example"), List.of("ngi-security@ngi-aa.example"),
                List.of("ops@" + domain + ".example"), List.of("rod@ngi-aa.example")));
        return this;
    }

    /** ALPHA … ZETA, all vulnerable: more than the individual-advisory threshold, so the lists get the advisory. */
    public EngineFixture sixVulnerableSites() {
        for (String s : new String[] {"ALPHA", "BETA", "GAMMA", "DELTA", "EPSILON", "ZETA"}) site(s).vulnerable(s);
        return this;
    }

    public EngineFixture vulnerable(String site) {
        status.set(site, CVE, 2, clock.instant());
        return this;
    }

    public EngineFixture fixed(String site) {
        status.set(site, CVE, 0, clock.instant());
        return this;
    }

    public Campaign start(String procedure, boolean headsUp, Optional<AdvisoryScope> scope) {
        return engine.start(new Advisory("ADV-1", "Critical kernel vulnerability", procedure, List.of(CVE),
                "https://advisories.example.org/ADV-1", "Update the kernel and reboot.", clock.instant(), List.of(), headsUp,
                scope, "test"));
    }

    /** A campaign whose advisory lists these mitigations (seed 002 3a). */
    public Campaign startWithMitigations(String procedure, List<String> mitigations) {
        return engine.start(new Advisory("ADV-1", "Critical kernel vulnerability", procedure, List.of(CVE),
                "https://advisories.example.org/ADV-1", "Update the kernel and reboot.", clock.instant(), List.of(), false,
                Optional.empty(), "test", mitigations));
    }

    public eu.egi.csirt.cvh.port.SiteDirectory directory() {
        return site -> Optional.ofNullable(sites.get(site));
    }

    public Campaign start(String procedure) {
        return start(procedure, false, Optional.empty());
    }

    /** Ticks the engine and delivers its mail, hour by hour, until {@code until}. */
    public void runUntil(Instant until) {
        while (!clock.instant().isAfter(until)) {
            engine.tick();
            deliverMail();
            if (clock.instant().equals(until)) break;
            Instant next = clock.instant().plus(Duration.ofHours(1));
            clock.set(next.isAfter(until) ? until : next);
        }
    }

    public void deliverMail() {
        for (Outbox.Pending p : outbox.due(Channel.MAIL, clock.instant(), 10_000)) {
            outbox.delivered(p.id(), "<" + p.id() + "@test>", clock.instant());
            sent.add(p);
        }
        if (viaRt) deliverRt();
    }

    public void deliverRt() {
        for (Outbox.Pending p : outbox.due(Channel.RT, clock.instant(), 10_000)) {
            outbox.delivered(p.id(), "rt-" + p.id(), clock.instant());
            sent.add(p);
        }
    }

    public List<Outbox.Pending> sent(String kind) {
        return sent.stream().filter(p -> p.entry().kind().equals(kind)).toList();
    }

    public List<Outbox.Pending> sentTo(String address) {
        return sent.stream().filter(p -> p.entry().to().contains(address) || p.entry().cc().contains(address)).toList();
    }

    public SiteCase caseOf(String campaign, String site) {
        return store.inTransaction(tx -> tx.latestCase(campaign, site)).orElseThrow();
    }

    public List<String> audit(String site) {
        return database.inTransaction(c -> {
            List<String> out = new ArrayList<>();
            try (var ps = c.prepareStatement("SELECT event_type, detail FROM audit_event WHERE site = ? ORDER BY id")) {
                ps.setString(1, site);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) out.add(rs.getString(1) + ": " + rs.getString(2));
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            return out;
        });
    }

    @Override
    public void close() {
        database.close();
    }
}
