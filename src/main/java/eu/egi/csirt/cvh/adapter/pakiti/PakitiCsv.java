package eu.egi.csirt.cvh.adapter.pakiti;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Pakiti 3 {@code api/hosts.php} CSV ({@code tag,cve,site,host,os,arch,last_report}, written by PHP's fputcsv),
 * read record by record: memory does not grow with the feed. Any malformed record is an error for the whole feed.
 */
public final class PakitiCsv {

    public static final List<String> HEADER = List.of("tag", "cve", "site", "host", "os", "arch", "last_report");
    /** Pakiti prints the report's processedOn as a MySQL DATETIME, in the Pakiti server's time zone. */
    private static final DateTimeFormatter PAKITI_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public record Row(String tag, String cve, String site, String host, Instant lastReport) {}

    public interface RowSink {
        void accept(Row row);
    }

    /** A feed that cannot be trusted as a whole; the message says where. */
    public static final class FeedException extends IOException {
        public FeedException(String message) { super(message); }
        public FeedException(String message, Throwable cause) { super(message, cause); }
    }

    private PakitiCsv() {}

    /** Reads every record into {@code sink}; returns the number of records. */
    public static long read(String source, Reader reader, ZoneId pakitiZone, RowSink sink) throws FeedException {
        long rows = 0;
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get().parse(reader)) {
            if (!parser.getHeaderNames().equals(HEADER)) {
                throw new FeedException(source + ": expected the Pakiti header " + String.join(",", HEADER) + " but found "
                        + (parser.getHeaderNames().isEmpty() ? "nothing" : String.join(",", parser.getHeaderNames())));
            }
            for (CSVRecord rec : parser) {
                rows++;
                String where = source + ":" + (rec.getRecordNumber() + 1);
                if (rec.size() != HEADER.size()) {
                    throw new FeedException(where + ": expected " + HEADER.size() + " fields, found " + rec.size() + " (truncated feed?)");
                }
                String site = required(rec, "site", where);
                String cve = required(rec, "cve", where);
                String host = required(rec, "host", where);
                sink.accept(new Row(rec.get("tag"), cve, site, host, time(required(rec, "last_report", where), pakitiZone, where)));
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            // commons-csv reports an unterminated quote or a read failure this way
            throw new FeedException(source + ": not a valid Pakiti CSV after " + rows + " records: " + e.getMessage(), e);
        } catch (FeedException e) {
            throw e;
        } catch (IOException e) {
            throw new FeedException(source + ": reading failed after " + rows + " records: " + e.getMessage(), e);
        }
        return rows;
    }

    private static String required(CSVRecord rec, String column, String where) throws FeedException {
        String value = rec.get(column);
        if (value == null || value.isEmpty()) throw new FeedException(where + ": empty " + column);
        return value;
    }

    static Instant time(String text, ZoneId zone, String where) throws FeedException {
        try {
            if (text.length() == 19 && text.charAt(10) == ' ') return LocalDateTime.parse(text, PAKITI_TIME).atZone(zone).toInstant();
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new FeedException(where + ": last_report '" + text + "' is not a time (truncated feed?)");
        }
    }
}
