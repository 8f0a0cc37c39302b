package eu.egi.csirt.cvh.adapter.feed;

import eu.egi.csirt.cvh.adapter.store.JdbcVulnerabilityStatus.SiteCve;
import eu.egi.csirt.cvh.adapter.store.JdbcVulnerabilityStatus.Snapshot;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pakiti 3 {@code hosts.php} CSV ({@code tag,cve,site,host,os,arch,last_report}): one row per vulnerable
 * host. Read as a stream with a CSV library (quoted fields hold commas); a wrong header is an error.
 */
public final class PakitiCsvReader {

    static final List<String> HEADER = List.of("tag", "cve", "site", "host", "os", "arch", "last_report");

    private PakitiCsvReader() {}

    public static Snapshot read(String source, Reader reader, Instant observedAt) throws IOException {
        Map<SiteCve, Integer> hosts = new HashMap<>();
        int rows = 0;
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get().parse(reader)) {
            if (!parser.getHeaderNames().equals(HEADER)) {
                throw new IOException(source + ": expected the Pakiti header " + String.join(",", HEADER)
                        + " but found " + String.join(",", parser.getHeaderNames()));
            }
            for (CSVRecord rec : parser) {
                rows++;
                if (!rec.isConsistent()) {
                    throw new IOException(source + ":" + (rec.getRecordNumber() + 1) + ": expected 7 fields, found " + rec.size());
                }
                hosts.merge(new SiteCve(rec.get("site"), rec.get("cve")), 1, Integer::sum);
            }
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw new IOException(source + ": not a valid Pakiti CSV: " + e.getMessage(), e);
        }
        return new Snapshot(source, observedAt, rows, hosts);
    }
}
