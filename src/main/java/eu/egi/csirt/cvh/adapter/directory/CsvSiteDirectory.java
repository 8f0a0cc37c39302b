package eu.egi.csirt.cvh.adapter.directory;

import eu.egi.csirt.cvh.domain.campaign.SiteContacts;
import eu.egi.csirt.cvh.port.SiteDirectory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Site contacts from a CSV file (header {@code site,ngi,site_security,site_admins,ngi_security,operational,rod};
 * several addresses separated by ';'). Re-read when the file changes. GOCDB replaces this in production.
 */
public final class CsvSiteDirectory implements SiteDirectory {

    private static final System.Logger LOG = System.getLogger(CsvSiteDirectory.class.getName());
    private final Path file;
    private volatile Map<String, SiteContacts> sites = Map.of();
    private volatile long loadedModified = Long.MIN_VALUE;
    private volatile long lastCheck;

    public CsvSiteDirectory(Path file) {
        this.file = file;
        reload();
    }

    /** An in-memory directory (simulation). */
    public static SiteDirectory of(Map<String, SiteContacts> sites) {
        Map<String, SiteContacts> copy = Map.copyOf(sites);
        return site -> Optional.ofNullable(copy.get(site));
    }

    @Override
    public Optional<SiteContacts> find(String site) {
        long now = System.currentTimeMillis();
        if (now - lastCheck > 1000) {
            lastCheck = now;
            if (file.toFile().lastModified() != loadedModified) reload();
        }
        return Optional.ofNullable(sites.get(site));
    }

    private synchronized void reload() {
        if (!Files.exists(file)) {
            LOG.log(System.Logger.Level.WARNING, "site directory " + file + " does not exist: site mails go to the CSIRT");
            return;
        }
        Map<String, SiteContacts> loaded = new HashMap<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                    .setIgnoreEmptyLines(true).setCommentMarker('#').get().parse(r)) {
                String site = rec.get("site");
                loaded.put(site, new SiteContacts(site, rec.get("ngi"), list(rec, "site_security"), list(rec, "site_admins"),
                        list(rec, "ngi_security"), list(rec, "operational"), list(rec, "rod")));
            }
            sites = Map.copyOf(loaded);
            loadedModified = file.toFile().lastModified();
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            LOG.log(System.Logger.Level.ERROR, "site directory " + file + " rejected, previous contacts stay in force: " + e.getMessage());
        }
    }

    private static List<String> list(CSVRecord rec, String column) {
        if (!rec.isMapped(column) || !rec.isSet(column)) return List.of();
        return Arrays.stream(rec.get(column).split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
