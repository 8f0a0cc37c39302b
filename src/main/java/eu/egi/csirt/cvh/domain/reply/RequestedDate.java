package eu.egi.csirt.cvh.domain.reply;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first future date a reply names ("until 2026-12-03", "bis 3.12.2026", "by 3 December"), for a
 * site asking for more time: shown to the officer, never applied by itself. Day-first for numeric dates
 * (the European habit of the sites); month names in the languages of the phrase file's basics.
 */
public final class RequestedDate {

    private static final Pattern ISO = Pattern.compile("\\b(20\\d\\d)-(\\d{1,2})-(\\d{1,2})\\b");
    private static final Pattern NUMERIC = Pattern.compile("\\b(\\d{1,2})[./](\\d{1,2})[./](20\\d\\d)\\b");
    private static final Pattern DAY_MONTH = Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th|\\.)?\\s+(?:of\\s+)?(\\p{L}{3,})\\.?(?:,?\\s+(20\\d\\d))?");
    private static final Pattern MONTH_DAY = Pattern.compile("\\b(\\p{L}{3,})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(20\\d\\d))?");
    private static final Locale[] LANGUAGES = {Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH, Locale.ITALIAN, Locale.forLanguageTag("es")};

    private RequestedDate() {}

    public static Optional<LocalDate> in(String text, LocalDate today) {
        if (text == null) return Optional.empty();
        String t = ReplyClassifier.normalise(text);
        Matcher m = ISO.matcher(t);
        while (m.find()) {
            Optional<LocalDate> d = date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            if (d.isPresent() && !d.get().isBefore(today)) return d;
        }
        m = NUMERIC.matcher(t);
        while (m.find()) {
            Optional<LocalDate> d = date(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
            if (d.isPresent() && !d.get().isBefore(today)) return d;
        }
        m = DAY_MONTH.matcher(t);
        while (m.find()) {
            Optional<LocalDate> d = named(m.group(2), Integer.parseInt(m.group(1)), m.group(3), today);
            if (d.isPresent()) return d;
        }
        m = MONTH_DAY.matcher(t);
        while (m.find()) {
            Optional<LocalDate> d = named(m.group(1), Integer.parseInt(m.group(2)), m.group(3), today);
            if (d.isPresent()) return d;
        }
        return Optional.empty();
    }

    /** Without a year: the next such day from today. */
    private static Optional<LocalDate> named(String monthName, int day, String year, LocalDate today) {
        Optional<Month> month = month(monthName);
        if (month.isEmpty()) return Optional.empty();
        if (year != null) {
            return date(Integer.parseInt(year), month.get().getValue(), day).filter(d -> !d.isBefore(today));
        }
        Optional<LocalDate> d = date(today.getYear(), month.get().getValue(), day);
        if (d.isPresent() && d.get().isBefore(today)) d = date(today.getYear() + 1, month.get().getValue(), day);
        return d;
    }

    private static Optional<Month> month(String name) {
        String n = ReplyClassifier.normalise(name);
        for (Month month : Month.values()) {
            for (Locale l : LANGUAGES) {
                String full = ReplyClassifier.normalise(month.getDisplayName(TextStyle.FULL, l)).replace(".", "");
                String shortName = ReplyClassifier.normalise(month.getDisplayName(TextStyle.SHORT, l)).replace(".", "");
                if (n.equals(full) || (shortName.length() >= 3 && n.equals(shortName))) return Optional.of(month);
            }
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> date(int year, int month, int day) {
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
