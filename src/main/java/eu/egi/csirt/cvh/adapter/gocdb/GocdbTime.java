package eu.egi.csirt.cvh.adapter.gocdb;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * GOCDB's change times. A change carries UNIX_TIME (seconds, no zone to guess) and TIME
 * ({@code 13-Sep-2022 09.21.26}, UTC; month in any case, e.g. {@code 14-OCT-2026}). UNIX_TIME wins;
 * TIME is the fallback when UNIX_TIME is missing or broken.
 */
final class GocdbTime {

    private static final System.Logger LOG = System.getLogger(GocdbTime.class.getName());
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("d-MMM-uuuu HH.mm.ss").toFormatter(Locale.ENGLISH);

    private GocdbTime() {
    }

    static Instant parse(String time, String unixTime) {
        Optional<Instant> fromUnix = parseUnix(unixTime);
        Optional<Instant> fromText = parseText(time);
        if (fromUnix.isPresent() && fromText.isPresent() && !fromUnix.get().equals(fromText.get())) {
            // They come from the same value in GOCDB; when they disagree, the zone-free one is trusted.
            LOG.log(System.Logger.Level.WARNING, "GOCDB change time TIME=" + time + " disagrees with UNIX_TIME="
                    + unixTime + " (" + fromUnix.get() + "); using UNIX_TIME");
        }
        return fromUnix.or(() -> fromText).orElseThrow(() -> new IllegalArgumentException(
                "no readable change time (TIME='" + time + "', UNIX_TIME='" + unixTime + "')"));
    }

    static Optional<Instant> parseUnix(String unixTime) {
        if (unixTime == null || unixTime.isBlank()) return Optional.empty();
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(unixTime.trim())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Optional<Instant> parseText(String time) {
        if (time == null || time.isBlank()) return Optional.empty();
        String t = time.trim();
        try {
            return Optional.of(LocalDateTime.parse(t, TIME).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException notGocdbStyle) {
            try {
                return Optional.of(Instant.parse(t));
            } catch (DateTimeParseException notIso) {
                return Optional.empty();
            }
        }
    }
}
