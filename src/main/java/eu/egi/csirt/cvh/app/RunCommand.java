package eu.egi.csirt.cvh.app;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.apache.camel.main.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** Runs the runtime until stopped: routes, engine tick, outbox delivery. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the runtime (default command). Stop with Ctrl-C; state is kept in the database.")
public final class RunCommand implements Callable<Integer> {

    @Option(names = "--config", description = "configuration folder (default: ${DEFAULT-VALUE})")
    Path config = Path.of("config");

    @Option(names = {"-D", "--set"}, description = "override a setting, e.g. -D app.smtp.uri=smtp://mail:25")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        Path propertiesFile = config.resolve("application.properties");
        Settings settings = Settings.load(propertiesFile, overrides);
        String consoleBusy = portInUse(settings.get("app.console.bind", "127.0.0.1"), settings.getInt("app.console.port", 8090));
        if (consoleBusy != null) {
            // otherwise the runtime would run without its console, and the officer might log in to whatever holds the port
            System.err.println("cvh: " + consoleBusy + ": stop what uses it, or set CVH_CONSOLE_PORT (app.console.port)");
            return 2;
        }
        seedSamplesOnFirstRun(settings);
        GreenMail mailServer = null;
        if (settings.getBoolean("app.mail.embedded", false)) {
            mailServer = new GreenMail(new ServerSetup[] {new ServerSetup(3025, "127.0.0.1", "smtp"),
                    new ServerSetup(3143, "127.0.0.1", "imap")});
            mailServer.start();
            String imapUser = settings.get("app.imap.username", "csirt-duty@example.org");
            mailServer.setUser(imapUser, imapUser, settings.get("app.imap.password", "csirt"));
            // the embedded server has an inbox: read it unless told otherwise
            overrides.putIfAbsent("app.imap.enabled", "true");
        }
        String consolePassword = null;
        if (settings.get("app.console.users", "").isEmpty() && settings.get("app.console.tokens", "").isEmpty()) {
            // no console users configured (make run): one officer, with the configured or a fresh random password
            consolePassword = settings.get("app.console.default-password", "");
            if (consolePassword.isEmpty()) {
                consolePassword = eu.egi.csirt.cvh.adapter.console.ConsoleUsers.randomSecret();
                overrides.put("app.console.default-password", consolePassword);
            }
        }
        Main main = new Main();
        main.setPropertyPlaceholderLocations("file:" + propertiesFile);
        Properties p = new Properties();
        p.putAll(overrides);
        main.setOverrideProperties(p);
        System.out.println(banner(settings, mailServer != null));
        System.out.println(console(settings, consolePassword));
        try {
            main.run();
        } finally {
            if (mailServer != null) mailServer.stop();
        }
        return 0;
    }

    private String banner(Settings s, boolean embeddedMail) {
        return String.join(System.lineSeparator(),
                "cvh is starting (database " + s.get("app.db.url", "?") + ")",
                "  drop advisories (YAML) in  " + s.get("app.advisories.folder", "data/advisories"),
                "  Pakiti                     " + s.get("app.pakiti.url", "(not polled)") + " every "
                        + s.getInt("app.pakiti.poll-millis", 900000) / 60000 + " min; CSV snapshots may also be dropped in " + s.get("app.status.folder", "data/status"),
                "  drop decisions (YAML) in   " + s.get("app.decisions.folder", "data/decisions"),
                "  site contacts              " + s.get("app.directory.file", "data/sites.csv"),
                "  mail out                   " + s.get("app.smtp.protocol", "smtp") + "://" + s.get("app.smtp.host", "?") + ":" + s.get("app.smtp.port", "?")
                        + (embeddedMail ? " (embedded GreenMail; every mail is kept in memory, IMAP on 127.0.0.1:3143)" : ""),
                "  plan a campaign:           java -jar target/cvh.jar plan --procedure sec03-critical --issued 2027-03-19T10:00:00Z");
    }

    private static String console(Settings s, String defaultPassword) {
        String bind = s.get("app.console.bind", "127.0.0.1");
        String url = "http://" + (bind.equals("0.0.0.0") ? "localhost" : bind) + ":" + s.getInt("app.console.port", 8090) + "/";
        return String.join(System.lineSeparator(),
                "  officer console            " + url + "  (API " + url + "api/openapi.json, health " + url + "health/ready, metrics " + url + "metrics)",
                defaultPassword != null
                        ? "  console login              user " + s.get("app.console.default-user", "officer") + ", password " + defaultPassword
                                + "  (no app.console.users configured: an embedded default officer)"
                        : "  console login              the users and tokens of app.console.users / app.console.tokens");
    }

    /** Null if the console's port can be bound, else why not. */
    private static String portInUse(String bind, int port) {
        if (port == 0) return null;
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new java.net.InetSocketAddress(bind, port));
            return null;
        } catch (IOException e) {
            return "the console's port " + bind + ":" + port + " is in use (" + e.getMessage() + ")";
        }
    }

    /** The first `make run` on a fresh clone gets the sample site list, Pakiti feed and advisory. */
    private void seedSamplesOnFirstRun(Settings s) throws IOException {
        Path data = Path.of(s.get("app.data.folder", "data"));
        Path samples = config.resolve("samples");
        if (!s.getBoolean("app.samples.seed", false) || Files.exists(data) || !Files.isDirectory(samples)) {
            return;
        }
        Files.createDirectories(data);
        copy(samples.resolve("sites.csv"), Path.of(s.get("app.directory.file", "data/sites.csv")));
        copyFolder(samples.resolve("pakiti"), Path.of(s.get("app.data.folder", "data")).resolve("pakiti"));
        Files.createDirectories(Path.of(s.get("app.status.folder", "data/status")));
        copyFolder(samples.resolve("advisories"), Path.of(s.get("app.advisories.folder", "data/advisories")));
        Files.createDirectories(Path.of(s.get("app.decisions.folder", "data/decisions")));
        System.out.println("first run: sample sites, Pakiti feed and advisory copied from " + samples + " to " + data);
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        if (!Files.isDirectory(from)) return;
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) copy(f, to.resolve(f.getFileName()));
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        if (Files.exists(from)) {
            Files.createDirectories(to.toAbsolutePath().getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
