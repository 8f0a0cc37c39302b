package eu.egi.csirt.cvh.app;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code app.*} settings from {@code config/application.properties}, with overrides
 * (command line, tests) and {@code {{env:NAME:default}}} placeholders resolved like Camel's.
 */
public final class Settings {
    private static final Pattern ENV = Pattern.compile("\\{\\{env:([A-Za-z0-9_]+)(?::([^}]*))?}}");

    private final java.util.function.Function<String, Optional<String>> lookup;

    private Settings(java.util.function.Function<String, Optional<String>> lookup) {
        this.lookup = lookup;
    }

    /** Settings read through a lookup, e.g. Camel's properties component (file + overrides). */
    public static Settings of(java.util.function.Function<String, Optional<String>> lookup) {
        return new Settings(lookup);
    }

    public static Settings load(Path file, Map<String, String> overrides) {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        overrides.forEach(p::setProperty);
        return new Settings(key -> Optional.ofNullable(p.getProperty(key)));
    }

    public Optional<String> find(String key) {
        String v = lookup.apply(key).orElse(null);
        if (v == null) {
            return Optional.empty();
        }
        Matcher m = ENV.matcher(v);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String env = System.getenv(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(env != null ? env : m.group(2) != null ? m.group(2) : ""));
        }
        m.appendTail(out);
        return Optional.of(out.toString().trim());
    }

    public String get(String key, String defaultValue) {
        return find(key).filter(s -> !s.isEmpty()).orElse(defaultValue);
    }

    public String require(String key) {
        return find(key).filter(s -> !s.isEmpty())
                .orElseThrow(() -> new IllegalStateException("missing setting " + key + " in config/application.properties"));
    }

    public int getInt(String key, int defaultValue) {
        return find(key).filter(s -> !s.isEmpty()).map(Integer::parseInt).orElse(defaultValue);
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        return find(key).filter(s -> !s.isEmpty()).map(Boolean::parseBoolean).orElse(defaultValue);
    }
}
