package eu.egi.csirt.cvh.app;

import eu.egi.csirt.cvh.adapter.gocdb.GocdbCertificationCheck;
import eu.egi.csirt.cvh.adapter.gocdb.GocdbClient;
import eu.egi.csirt.cvh.adapter.gocdb.GocdbCredentials;
import eu.egi.csirt.cvh.adapter.gocdb.GocdbSiteDirectory;
import eu.egi.csirt.cvh.adapter.pakiti.PakitiFeed;
import eu.egi.csirt.cvh.adapter.rt.RtClient;
import eu.egi.csirt.cvh.adapter.store.JdbcVulnerabilityStatus;
import eu.egi.csirt.cvh.adapter.rt.RtConnector;
import eu.egi.csirt.cvh.adapter.wiki.MediaWikiClient;
import eu.egi.csirt.cvh.adapter.wiki.WikiConnector;
import eu.egi.csirt.cvh.domain.campaign.Channel;
import eu.egi.csirt.cvh.port.ActionConnector;
import eu.egi.csirt.cvh.port.CertificationCheck;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Builds the connectors to the outside systems that the settings switch on. */
final class Connectors {
    private Connectors() {}

    /** GOCDB as site directory and as the check that a suspension was carried out. */
    record Gocdb(GocdbSiteDirectory directory, CertificationCheck check) {}

    static Optional<Gocdb> gocdb(Settings s, Clock clock) {
        String url = s.get("app.gocdb.url", "");
        if (url.isBlank()) {
            return Optional.empty();
        }
        String keystore = s.get("app.gocdb.keystore", "");
        String token = s.get("app.gocdb.token", "");
        GocdbCredentials credentials = !keystore.isBlank()
                ? new GocdbCredentials.ClientCertificate(Path.of(keystore), s.get("app.gocdb.keystore-password", "").toCharArray())
                : !token.isBlank() ? new GocdbCredentials.TokenHeader(s.get("app.gocdb.token-header", "X-API-KEY"), token)
                : new GocdbCredentials.None();
        String scope = s.get("app.gocdb.scope", "");
        GocdbClient client = new GocdbClient(URI.create(url), credentials, scope.isBlank() ? null : scope,
                Duration.ofSeconds(s.getInt("app.gocdb.timeout-seconds", 30)), s.getInt("app.gocdb.max-pages", 1000));
        GocdbSiteDirectory directory = new GocdbSiteDirectory(client, clock,
                Duration.ofMinutes(s.getInt("app.gocdb.cache-ttl-minutes", 60)),
                Arrays.stream(s.get("app.gocdb.statuses", "Certified").split(",")).map(String::trim).toList(),
                Duration.ofMinutes(s.getInt("app.gocdb.retry-after-failure-minutes", 1)));
        return Optional.of(new Gocdb(directory, new GocdbCertificationCheck(client).asPort()));
    }

    static RtClient rtClient(Settings s) {
        URI url = URI.create(s.require("app.rt.url"));
        Duration timeout = Duration.ofSeconds(s.getInt("app.rt.timeout-seconds", 30));
        String token = s.get("app.rt.token", "");
        return token.isBlank() ? RtClient.withPassword(url, s.require("app.rt.user"), s.get("app.rt.password", ""), timeout)
                : RtClient.withToken(url, token, timeout);
    }

    /** Pakiti's hosts.php (or a local file) polled for vulnerable hosts, when app.pakiti.url is set. */
    static Optional<PakitiFeed> pakiti(Settings s, JdbcVulnerabilityStatus status, Clock clock) {
        String url = s.get("app.pakiti.url", "");
        if (url.isBlank()) {
            return Optional.empty();
        }
        URI uri = url.startsWith("file:") && !url.startsWith("file:/")
                ? Path.of(url.substring("file:".length())).toAbsolutePath().toUri() : URI.create(url);
        PakitiFeed.Settings settings = PakitiFeed.Settings.of(uri)
                .withFilters(s.get("app.pakiti.tag", "EGI-Critical"), s.get("app.pakiti.cve-name", ""),
                        s.get("app.pakiti.host-group", ""), s.get("app.pakiti.activity", ""))
                .withReportQuery(s.getBoolean("app.pakiti.report-query", false))
                .withPakitiZone(java.time.ZoneId.of(s.get("app.pakiti.zone", "UTC")))
                .withTimeout(Duration.ofMinutes(s.getInt("app.pakiti.timeout-minutes", 5)));
        if (!s.get("app.pakiti.user", "").isBlank()) {
            settings = settings.withBasicAuth(s.get("app.pakiti.user", ""), s.get("app.pakiti.password", ""));
        }
        if (!s.get("app.pakiti.keystore", "").isBlank()) {
            String truststore = s.get("app.pakiti.truststore", "");
            settings = settings.withClientCertificate(Path.of(s.get("app.pakiti.keystore", "")), s.get("app.pakiti.keystore-password", ""),
                    truststore.isBlank() ? null : Path.of(truststore), s.get("app.pakiti.truststore-password", ""));
        }
        return Optional.of(new PakitiFeed(settings, status, clock));
    }

    /** The connectors for the channels named in app.connectors (MAIL is the SMTP route's). */
    static List<ActionConnector> actionConnectors(Settings s) {
        List<ActionConnector> out = new ArrayList<>();
        for (Channel c : Wiring.connectedChannels(s.get("app.connectors", "MAIL"))) {
            switch (c) {
                case MAIL -> { }
                case RT -> out.add(new RtConnector(rtClient(s), s.get("app.rt.queue", "Vulnerability Handling"),
                        s.get("app.rt.site-custom-field", "")));
                case WIKI -> out.add(new WikiConnector(new MediaWikiClient(URI.create(s.require("app.wiki.api-url")),
                        s.require("app.wiki.user"), s.require("app.wiki.password"),
                        Duration.ofSeconds(s.getInt("app.wiki.timeout-seconds", 30))), s.get("app.wiki.page", "")));
                case GOCDB -> throw new IllegalArgumentException("app.connectors: GOCDB has no API to change a site's status;"
                        + " set app.gocdb.url instead, and the coordinator is asked to suspend in the portal (SEC03 4.5)");
                default -> throw new IllegalArgumentException("app.connectors names " + c + ", but there is no " + c + " connector yet");
            }
        }
        return out;
    }
}
