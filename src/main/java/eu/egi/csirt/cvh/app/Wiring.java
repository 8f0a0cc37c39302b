package eu.egi.csirt.cvh.app;

import eu.egi.csirt.cvh.adapter.camel.ConnectorDelivery;
import eu.egi.csirt.cvh.adapter.camel.ConsoleHttp;
import eu.egi.csirt.cvh.adapter.camel.InputFiles;
import eu.egi.csirt.cvh.adapter.console.ConsoleHealth;
import eu.egi.csirt.cvh.adapter.console.ConsoleMetrics;
import eu.egi.csirt.cvh.adapter.console.ConsolePages;
import eu.egi.csirt.cvh.adapter.console.ConsoleReports;
import eu.egi.csirt.cvh.adapter.console.ConsoleService;
import eu.egi.csirt.cvh.adapter.console.ConsoleUsers;
import eu.egi.csirt.cvh.adapter.store.JdbcConsoleQueries;
import eu.egi.csirt.cvh.adapter.camel.RtReplyIntake;
import eu.egi.csirt.cvh.adapter.camel.RtTicketIntake;
import eu.egi.csirt.cvh.adapter.rt.RtClient;
import eu.egi.csirt.cvh.adapter.rt.RtSource;
import eu.egi.csirt.cvh.adapter.directory.CsvSiteDirectory;
import eu.egi.csirt.cvh.adapter.mail.InboundMailStore;
import eu.egi.csirt.cvh.adapter.mail.OutboxMail;
import eu.egi.csirt.cvh.adapter.mail.ReusingMailSender;
import eu.egi.csirt.cvh.adapter.procedure.FileProcedureCatalog;
import eu.egi.csirt.cvh.adapter.store.Database;
import eu.egi.csirt.cvh.adapter.store.JdbcCampaignStore;
import eu.egi.csirt.cvh.adapter.store.JdbcOutbox;
import eu.egi.csirt.cvh.adapter.store.JdbcReplyCases;
import eu.egi.csirt.cvh.adapter.reply.PhraseFile;
import eu.egi.csirt.cvh.adapter.reply.ReplyProcessor;
import eu.egi.csirt.cvh.domain.reply.ReplyClassifier;
import eu.egi.csirt.cvh.domain.reply.ReplyMatcher;
import eu.egi.csirt.cvh.adapter.store.JdbcVulnerabilityStatus;
import eu.egi.csirt.cvh.adapter.template.FreemarkerRenderer;
import eu.egi.csirt.cvh.domain.calendar.VirtualClock;
import eu.egi.csirt.cvh.domain.calendar.WorkingCalendar;
import eu.egi.csirt.cvh.domain.campaign.Channel;
import eu.egi.csirt.cvh.domain.campaign.ListAddresses;
import eu.egi.csirt.cvh.domain.campaign.RetryPolicy;
import eu.egi.csirt.cvh.domain.engine.EngineSettings;
import eu.egi.csirt.cvh.domain.engine.ProcedureEngine;
import eu.egi.csirt.cvh.domain.procedure.Planner;
import eu.egi.csirt.cvh.port.SiteDirectory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Builds every bean of the runtime from the settings: the one place that knows all the parts. */
public final class Wiring implements AutoCloseable {

    public final Settings settings;
    public final Clock clock;
    public final Database database;
    public final JdbcCampaignStore store;
    public final JdbcOutbox outbox;
    public final JdbcVulnerabilityStatus status;
    public final FileProcedureCatalog procedures;
    public final SiteDirectory directory;
    public final ProcedureEngine engine;
    public final OutboxMail outboxMail;
    public final InputFiles inputFiles;
    public final ReusingMailSender mailSender;
    public final ConnectorDelivery connectorDelivery;
    public final InboundMailStore inboundMail;
    public final SuspensionWatch suspensionWatch;
    public final RtReplyIntake rtReplies;
    public final RtTicketIntake rtTickets;
    public final PakitiPoll pakiti;
    public final JdbcConsoleQueries consoleQueries;
    public final ConsoleUsers consoleUsers;
    /** the default officer's password when no console users are configured (make run), else null */
    public final String consoleDefaultPassword;
    public final ConsoleService console;
    public final ConsoleHttp consoleHttp;
    public final ReplyProcessor replyProcessor;

    public Wiring(Settings s) {
        this(s, null);
    }

    /** @param directoryOverride a site directory to use instead of the configured file (simulation) */
    public Wiring(Settings s, SiteDirectory directoryOverride) {
        this.settings = s;
        this.clock = clock(s.get("app.clock", "system"));
        Path config = Path.of(s.get("app.config.folder", "config"));
        this.database = new Database(s.get("app.db.url", "jdbc:hsqldb:file:data/db/cvh;shutdown=true"),
                s.get("app.db.user", "SA"), s.get("app.db.password", ""), s.getInt("app.db.pool-size", 4));
        this.store = new JdbcCampaignStore(database, connectedChannels(s.get("app.connectors", "MAIL")));
        this.outbox = new JdbcOutbox(database);
        this.status = new JdbcVulnerabilityStatus(database);
        this.procedures = ConfigFiles.procedures(config);
        Optional<Connectors.Gocdb> gocdb = Connectors.gocdb(s, clock);
        this.directory = directoryOverride != null ? directoryOverride
                : gocdb.<SiteDirectory>map(Connectors.Gocdb::directory)
                        .orElseGet(() -> new CsvSiteDirectory(Path.of(s.get("app.directory.file", "data/sites.csv"))));
        WorkingCalendar calendar = CalendarSettings.from(s);
        ListAddresses lists = new ListAddresses(s.require("app.lists.site-security"), s.require("app.lists.ngi-security"),
                s.require("app.lists.omb"), s.require("app.lists.coo"), s.require("app.lists.csirt"),
                s.require("app.lists.coordinator"), s.get("app.lists.irtf", s.require("app.lists.csirt")));
        EngineSettings.Replies replies = new EngineSettings.Replies(Double.parseDouble(s.get("app.replies.min-confidence", "0.75")),
                Duration.ofHours(s.getInt("app.replies.fix-recheck-hours", 4)), Duration.ofHours(s.getInt("app.replies.mitigation-wait-hours", 24)),
                s.get("app.replies.pakiti-client-url", EngineSettings.Replies.DEFAULTS.pakitiClientUrl()));
        this.engine = new ProcedureEngine(store, procedures, new Planner(calendar), status, directory,
                new FreemarkerRenderer(ConfigFiles.templateFolder(config)),
                new EngineSettings(lists, s.get("app.csirt.name", "EGI CSIRT"), s.require("app.csirt.email"),
                        Duration.ofMinutes(s.getInt("app.engine.retry-minutes", 15)),
                        gocdb.isPresent() ? EngineSettings.SuspensionConfirmation.GOCDB : EngineSettings.SuspensionConfirmation.IMMEDIATE,
                        Duration.ofHours(s.getInt("app.gocdb.coordinator-reminder-hours", 4)),
                        connectedChannels(s.get("app.connectors", "MAIL")).contains(Channel.RT), replies), clock);
        this.suspensionWatch = new SuspensionWatch(engine, gocdb.map(Connectors.Gocdb::check));
        this.outboxMail = new OutboxMail(outbox, clock, new OutboxMail.MailIdentity(s.require("app.mail.from"),
                s.get("app.mail.reply-to", ""), s.get("app.mail.message-id-domain", "cvh.invalid")),
                s.getInt("app.outbox.max-attempts", 12));
        this.inputFiles = new InputFiles(engine, procedures, status, clock);
        this.inboundMail = new InboundMailStore(database, clock);
        ReplyClassifier classifier = new ReplyClassifier(PhraseFile.read(config.resolve("replies/phrases.yaml")));
        this.replyProcessor = new ReplyProcessor(inboundMail, () -> classifier,
                new JdbcReplyCases(database, directory, outboxMail::threadId),
                Arrays.stream(s.get("app.rt.name", "").split(",")).map(String::strip).filter(n -> !n.isEmpty()).collect(java.util.stream.Collectors.toSet()),
                engine, clock, calendar.zone());
        this.pakiti = new PakitiPoll(Connectors.pakiti(s, status, clock));
        boolean rt = connectedChannels(s.get("app.connectors", "MAIL")).contains(Channel.RT);
        Optional<RtClient> rtClient = rt ? Optional.of(Connectors.rtClient(s)) : Optional.empty();
        Optional<RtSource> rtSource = rtClient.map(c -> new RtSource(c, s.get("app.rt.queue", "Vulnerability Handling"), s.require("app.rt.user")));
        this.rtReplies = new RtReplyIntake(rtSource, outbox, inboundMail);
        this.rtTickets = new RtTicketIntake(rtSource, rtClient, s.get("app.rt.site-custom-field", ""), directory, engine, inboundMail,
                s.get("app.rt.people-tickets-procedure", "sdis-ticket"));
        this.connectorDelivery = new ConnectorDelivery(outbox, Connectors.actionConnectors(s), new RetryPolicy(s.getInt("app.outbox.max-attempts", 12)), clock);
        this.consoleQueries = new JdbcConsoleQueries(database);
        ConsoleUsers configured = ConsoleUsers.parse(s.get("app.console.users", ""), s.get("app.console.tokens", ""));
        boolean usersGiven = !s.get("app.console.users", "").isBlank() || !s.get("app.console.tokens", "").isBlank();
        if (configured.isEmpty() && usersGiven) {
            throw new IllegalArgumentException("app.console.users / app.console.tokens are set but name nobody: fix them"
                    + " (entries name:role:hash, from `cvh console-password`)");
        }
        String bind = s.get("app.console.bind", "127.0.0.1");
        if (configured.isEmpty() && !(bind.equals("127.0.0.1") || bind.equals("localhost") || bind.equals("::1"))) {
            // the embedded default officer is for `make run` on one's own machine, never for a served console
            throw new IllegalArgumentException("the console is served on " + bind + " but no app.console.users or app.console.tokens"
                    + " are configured: set them (the default officer exists only on 127.0.0.1)");
        }
        if (configured.isEmpty()) {
            String password = s.get("app.console.default-password", "");
            this.consoleDefaultPassword = password.isEmpty() ? ConsoleUsers.randomSecret() : password;
            this.consoleUsers = ConsoleUsers.defaultOfficer(s.get("app.console.default-user", "officer"), consoleDefaultPassword);
        } else {
            this.consoleDefaultPassword = null;
            this.consoleUsers = configured;
        }
        this.console = new ConsoleService(engine, store, procedures, status, consoleQueries, directory, clock, replyProcessor);
        this.consoleHttp = new ConsoleHttp(console, consoleUsers, new ConsolePages(console), new ConsoleReports(console),
                new ConsoleHealth(consoleQueries, healthTargets(s), s.getInt("app.console.health-timeout-millis", 2000)),
                new ConsoleMetrics(consoleQueries, consoleQueries::repliesByIntent, clock));
        this.mailSender = new ReusingMailSender(s.get("app.smtp.protocol", "smtp"), s.get("app.smtp.host", "localhost"),
                s.getInt("app.smtp.port", 25), s.get("app.smtp.username", ""), s.get("app.smtp.password", ""),
                s.getBoolean("app.smtp.starttls", false));
    }

    /** The beans the routes call, by the names the YAML uses. */
    public Map<String, Object> beans() {
        Map<String, Object> beans = new LinkedHashMap<>();
        beans.put("clock", clock);
        beans.put("engine", engine);
        beans.put("outboxMail", outboxMail);
        beans.put("inputFiles", inputFiles);
        beans.put("outbox", outbox);
        beans.put("mailSender", mailSender);
        beans.put("connectorDelivery", connectorDelivery);
        beans.put("inboundMail", inboundMail);
        beans.put("suspensionWatch", suspensionWatch);
        beans.put("rtReplies", rtReplies);
        beans.put("rtTickets", rtTickets);
        beans.put("pakiti", pakiti);
        beans.put("consoleHttp", consoleHttp);
        beans.put("replyProcessor", replyProcessor);
        beans.put("wiring", this);
        return beans;
    }

    /** What readiness checks: only the systems that are configured. */
    static List<ConsoleHealth.Target> healthTargets(Settings s) {
        List<ConsoleHealth.Target> out = new ArrayList<>();
        out.add(ConsoleHealth.Target.tcp("mail", s.get("app.smtp.host", "localhost"), s.getInt("app.smtp.port", 25)));
        Set<Channel> connected = connectedChannels(s.get("app.connectors", "MAIL"));
        if (connected.contains(Channel.RT)) out.add(ConsoleHealth.Target.url("rt", s.require("app.rt.url")));
        s.find("app.gocdb.url").filter(u -> !u.isEmpty()).ifPresent(u -> out.add(ConsoleHealth.Target.url("gocdb", u)));
        s.find("app.pakiti.url").filter(u -> !u.isEmpty()).ifPresent(u -> out.add(ConsoleHealth.Target.url("pakiti", u)));
        return out;
    }

    static Clock clock(String spec) {
        if (spec.equals("system")) {
            return Clock.systemUTC();
        }
        if (spec.startsWith("virtual:")) {
            return new VirtualClock(Instant.parse(spec.substring("virtual:".length())));
        }
        throw new IllegalArgumentException("app.clock must be 'system' or 'virtual:<ISO instant>', not '" + spec + "'");
    }

    static Set<Channel> connectedChannels(String list) {
        Set<Channel> out = EnumSet.noneOf(Channel.class);
        Arrays.stream(list.split(",")).map(String::trim).filter(x -> !x.isEmpty())
                .forEach(x -> out.add(Channel.valueOf(x.toUpperCase(Locale.ROOT))));
        return out;
    }

    @Override
    public void close() {
        mailSender.close();
        database.close();
    }
}
